using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Results;
using Platform.Studies;
using Platform.Testing;
using Platform.Voting;
using Platform.Web.Results;

namespace Platform.Tests.Results;

/// <summary>The results JSON read by its field names (scripts and notebooks depend on them), the filters and the cache.</summary>
[Collection(ResultsHost.Name)]
public sealed class ResultsContractTests(PlatformFixture fixture)
{
    private PlatformFactory Factory => fixture.Factory;

    private ResultsReader Reader => Factory.Services.GetRequiredService<ResultsReader>();

    private static async Task ImportAsync(HttpClient researcher, Guid studyId, string csv) =>
        (await researcher.ImportJudgmentsAsync(studyId, csv)).EnsureSuccessStatusCode();

    private static async Task<JsonElement> ResultsAsync(HttpClient researcher, Guid studyId, string query = "") =>
        await researcher.GetFromJsonAsync<JsonElement>($"/api/studies/{studyId}/results{query}");

    [Fact]
    public async Task Ranking_agreement_and_position_bias_read_by_their_names()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.CreateStudyAsync(new StudyBuilder().Build());
        await ImportAsync(researcher, studyId, JudgmentCsv.Table9());

        var json = await ResultsAsync(researcher, studyId);
        var computed = await Reader.ComputeAsync(studyId, applyExclusions: true, task: null, CancellationToken.None);

        // Ours wins 10 + 27 / 2 = 23.5 of 38, the baseline 14.5: 400 · log10(23.5 / 14.5) apart, centred on 1000.
        var ranking = json.GetProperty("ranking").EnumerateArray().ToList();
        ranking.Should().HaveCount(2);
        var ours = ranking.Single(r => r.GetProperty("condition").GetString() == "ours-simdrop");
        ours.GetProperty("rating").GetDouble().Should().BeApproximately(1000 + 200 * Math.Log10(23.5 / 14.5), 1e-6);
        foreach (var (row, expected) in ranking.Zip(computed.Ranking))
        {
            row.GetProperty("condition").GetString().Should().Be(expected.Condition);
            row.GetProperty("rating").GetDouble().Should().Be(expected.Rating);
            row.GetProperty("low").GetDouble().Should().Be(expected.Low).And.BeLessThanOrEqualTo(expected.Rating);
            row.GetProperty("high").GetDouble().Should().Be(expected.High).And.BeGreaterThanOrEqualTo(expected.Rating);
            row.GetProperty("rank").GetInt32().Should().Be(expected.Rank).And.BeInRange(1, 2);
            row.GetProperty("n").GetInt64().Should().Be(38);
        }

        // Eight prompts, each judged by several workers; the answers differ, so alpha is a number.
        var agreement = json.GetProperty("agreement");
        agreement.GetProperty("trials").GetInt32().Should().Be(8);
        agreement.GetProperty("krippendorffAlpha").GetDouble().Should().Be(computed.Agreement.KrippendorffAlpha!.Value);

        // The left video won 6 of the 11 answers that were not ties.
        var bias = json.GetProperty("positionBias");
        (bias.GetProperty("leftWins").GetInt32(), bias.GetProperty("n").GetInt32()).Should().Be((6, 11));
        var share = Wilson.Interval(6, 11);
        bias.GetProperty("rate").GetDouble().Should().Be(share.Rate);
        bias.GetProperty("low").GetDouble().Should().Be(share.Low);
        bias.GetProperty("high").GetDouble().Should().Be(share.High);
        bias.GetProperty("pValue").GetDouble().Should().BeApproximately(1, 1e-12);
    }

    [Fact]
    public async Task Success_rates_read_by_their_names()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.CreateStudyAsync(StudyBuilder.Rating().Build());
        var csv = new StringBuilder(JudgmentCsv.Header + "\n");
        for (var i = 0; i < 10; i++) csv.Append(CultureInfo.InvariantCulture, $"w{i},a dancer spins,dance,ours-simdrop,,{(i < 7 ? "success" : "failure")}\n");
        for (var i = 0; i < 5; i++) csv.Append(CultureInfo.InvariantCulture, $"w{i},a gymnast,gym,base-model,,{(i < 2 ? "success" : "failure")}\n");
        await ImportAsync(researcher, studyId, csv.ToString());

        var json = await ResultsAsync(researcher, studyId);

        var rows = json.GetProperty("success").EnumerateArray().Select(r => (
            r.GetProperty("condition").GetString(), r.GetProperty("task").GetString(), r.GetProperty("n").GetInt32(), r.GetProperty("successes").GetInt32(),
            r.GetProperty("rate").GetDouble(), r.GetProperty("low").GetDouble(), r.GetProperty("high").GetDouble())).ToList();
        var (seven, two) = (Wilson.Interval(7, 10), Wilson.Interval(2, 5));
        rows.Should().Equal(
            ("base-model", null, 5, 2, two.Rate, two.Low, two.High),
            ("base-model", "gym", 5, 2, two.Rate, two.Low, two.High),
            ("ours-simdrop", null, 10, 7, seven.Rate, seven.Low, seven.High),
            ("ours-simdrop", "dance", 10, 7, seven.Rate, seven.Low, seven.High));
        json.GetProperty("positionBias").ValueKind.Should().Be(JsonValueKind.Null, "ratings have no sides");
    }

    [Fact]
    public async Task One_task_asked_for_gives_that_tasks_rows_only_in_json_and_latex()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.CreateStudyAsync(StudyBuilder.Rating().Build());
        var csv = new StringBuilder(JudgmentCsv.Header + "\n");
        for (var i = 0; i < 10; i++) csv.Append(CultureInfo.InvariantCulture, $"w{i},a dancer spins,dance,ours-simdrop,,{(i < 7 ? "success" : "failure")}\n");
        for (var i = 0; i < 4; i++) csv.Append(CultureInfo.InvariantCulture, $"w{i},a gymnast,gym,ours-simdrop,,{(i < 1 ? "success" : "failure")}\n");
        await ImportAsync(researcher, studyId, csv.ToString());

        var json = await ResultsAsync(researcher, studyId, "?task=gym");
        var tex = await researcher.GetStringAsync($"/api/studies/{studyId}/results.tex?task=gym");

        // A row "over all tasks" here would hold gym's answers only under the name of all.
        json.GetProperty("success").EnumerateArray().Select(r => (r.GetProperty("task").GetString(), r.GetProperty("n").GetInt32(), r.GetProperty("successes").GetInt32()))
            .Should().Equal(("gym", 4, 1));
        tex.Should().Contain("Condition & gym \\\\").And.NotContain("& All");
    }

    [Fact]
    public async Task Without_exclusions_a_participant_who_answered_too_fast_counts_again()
    {
        var researcher = await fixture.ResearcherAsync();
        var settings = new StudyBuilder { TrialsPerParticipant = 1 }.Build() with { Exclusions = new ExclusionRules(MinMedianDecisionMs: 1000) };
        var studyId = await researcher.OpenStudyWithVideosAsync(settings, prompts: 1);
        await AnswerAsync(studyId, "hasty", Choice.Left);
        await AnswerAsync(studyId, "careful", Choice.Right, thinkFor: TimeSpan.FromSeconds(1.2));

        var after = await ResultsAsync(researcher, studyId);
        var all = await ResultsAsync(researcher, studyId, "?exclusions=false");

        (after.GetProperty("judgments").GetInt32(), after.GetProperty("excludedParticipants").GetInt32()).Should().Be((1, 1));
        (all.GetProperty("judgments").GetInt32(), all.GetProperty("excludedParticipants").GetInt32()).Should().Be((2, 1));
        after.GetProperty("positionBias").GetProperty("leftWins").GetInt32().Should().Be(0);
        all.GetProperty("positionBias").GetProperty("leftWins").GetInt32().Should().Be(1);
        var version = after.GetProperty("eventVersion").GetInt64();

        var afterCsv = await researcher.GetStringAsync($"/api/studies/{studyId}/results.csv");
        var allCsv = await researcher.GetStringAsync($"/api/studies/{studyId}/results.csv?exclusions=false");

        afterCsv.Should().Contain($"\n{version},True,position_bias,,,,left_win_rate,1,0,");
        allCsv.Should().Contain($"\n{version},False,position_bias,,,,left_win_rate,2,1,");
    }

    [Fact]
    public async Task Results_are_computed_once_per_event_version()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.CreateStudyAsync(new StudyBuilder().Build());
        await ImportAsync(researcher, studyId, JudgmentCsv.Table9());
        var before = Reader.Computations;

        var first = await researcher.GetStringAsync($"/api/studies/{studyId}/results");
        var again = await researcher.GetStringAsync($"/api/studies/{studyId}/results");
        (await researcher.GetAsync($"/api/studies/{studyId}/results.csv")).EnsureSuccessStatusCode();

        again.Should().Be(first);
        Reader.Computations.Should().Be(before + 1, "the repeated request and the CSV were served from the cache");

        await ImportAsync(researcher, studyId, JudgmentCsv.Header + "\nworker-9,a dancer spins,dance,ours-simdrop,base-model,left\n");
        var changed = await ResultsAsync(researcher, studyId);

        Reader.Computations.Should().Be(before + 2);
        using var earlier = JsonDocument.Parse(first);
        changed.GetProperty("eventVersion").GetInt64().Should().BeGreaterThan(earlier.RootElement.GetProperty("eventVersion").GetInt64());
        changed.GetProperty("judgments").GetInt32().Should().Be(39);
        changed.GetProperty("pairwise").EnumerateArray().Single(r => r.GetProperty("task").ValueKind == JsonValueKind.Null)
            .GetProperty("aPreferred").GetInt32().Should().Be(11);
    }

    /// <param name="thinkFor">How long the participant looks before answering: the server measures decision time itself.</param>
    private async Task AnswerAsync(Guid studyId, string participantId, Choice choice, TimeSpan thinkFor = default)
    {
        var participant = Factory.CreateClient();
        var token = await participant.StartSessionAsync(studyId, participantId);
        var trial = await participant.NextTrialAsync(token);
        await Task.Delay(thinkFor);
        (await participant.AnswerAsync(token, trial.TrialId, choice)).EnsureSuccessStatusCode();
    }
}
