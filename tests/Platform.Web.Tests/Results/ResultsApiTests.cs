using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marten;
using Platform.Results;
using Platform.Studies;
using Platform.Testing;
using Platform.Voting;
using Platform.Web.Results;
using Platform.Web.Voting;

namespace Platform.Tests.Results;

[Collection(ResultsHost.Name)]
public sealed class ResultsApiTests(PlatformFixture fixture)
{
    private PlatformFactory Factory => fixture.Factory;

    [Fact]
    public async Task Imported_judgments_read_back_the_same_in_json_csv_and_latex()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.CreateStudyAsync(new StudyBuilder().Build());

        var imported = await researcher.ImportJudgmentsAsync(studyId, JudgmentCsv.Table9());

        imported.StatusCode.Should().Be(HttpStatusCode.Created);
        (await imported.Content.ReadFromJsonAsync<ImportedSummary>(ApiClient.Json))!.Judgments.Should().Be(38);

        var json = await researcher.GetAsync($"/api/studies/{studyId}/results");
        using var results = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        var root = results.RootElement;
        root.GetProperty("judgments").GetInt32().Should().Be(38);
        root.GetProperty("participants").GetInt32().Should().Be(5);
        var version = root.GetProperty("eventVersion").GetInt64();
        version.Should().BePositive();
        json.Headers.GetValues(ResultsApi.VersionHeader).Single().Should().Be(version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var row = root.GetProperty("pairwise").EnumerateArray().Single(r => r.GetProperty("task").ValueKind == JsonValueKind.Null);
        row.GetProperty("conditionA").GetString().Should().Be("ours-simdrop");
        row.GetProperty("conditionB").GetString().Should().Be("base-model");
        (row.GetProperty("aPreferred").GetInt32(), row.GetProperty("same").GetInt32(), row.GetProperty("bPreferred").GetInt32()).Should().Be((10, 27, 1));
        row.GetProperty("good").GetProperty("rate").GetDouble().Should().BeApproximately(0.2632, 5e-5);
        row.GetProperty("sameShare").GetProperty("rate").GetDouble().Should().BeApproximately(0.7105, 5e-5);
        row.GetProperty("bad").GetProperty("rate").GetDouble().Should().BeApproximately(0.0263, 5e-5);
        row.GetProperty("goodMinusBad").GetDouble().Should().BeApproximately(0.2368, 5e-5);
        root.GetProperty("ranking").GetArrayLength().Should().Be(2);
        root.GetProperty("agreement").GetProperty("trials").GetInt32().Should().BePositive("imported answers on one prompt and pair form a unit");

        var csv = await researcher.GetStringAsync($"/api/studies/{studyId}/results.csv");
        var lines = csv.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("event_version,exclusions,table,condition,versus,task,measure,n,count,value,low,high,rank,best_rank,worst_rank,p_value,metric,note");
        lines.Should().Contain($"{version},True,counts,,,,judgments,,38,,,,,,,,,").And.Contain($"{version},True,counts,,,,gold_judgments,,0,,,,,,,,,");
        lines.Should().Contain(l => l.StartsWith($"{version},True,pairwise,ours-simdrop,base-model,,a_preferred,38,10,0.2631578947368", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith($"{version},True,pairwise,ours-simdrop,base-model,,good_minus_bad,38,,0.236842105263", StringComparison.Ordinal));

        var tex = await researcher.GetStringAsync($"/api/studies/{studyId}/results.tex");
        tex.Should().Contain($"event version {version}")
            .And.Contain("Ours SimDrop 0.2 (secret label) vs.\\ Base model (secret label) & 38 & 26.32 {\\scriptsize [14.97, 42.01]} & 71.05")
            .And.Contain("& 2.63 {\\scriptsize [")
            .And.Contain("& 23.68 \\\\");
    }

    /// <summary>Imports a file into a new study, checks it was refused whole, and returns the problem+json.</summary>
    private async Task<JsonElement> RefusedAsync(string csv)
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.CreateStudyAsync(new StudyBuilder().Build());

        var response = await researcher.ImportJudgmentsAsync(studyId, csv);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var results = await researcher.GetFromJsonAsync<JsonElement>($"/api/studies/{studyId}/results");
        results.GetProperty("judgments").GetInt32().Should().Be(0);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_task_that_is_a_spreadsheet_formula_comes_out_of_results_csv_as_text_and_negative_figures_stay_numbers()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.CreateStudyAsync(new StudyBuilder { Tasks = ["=1+2", "@sum"] }.Build());
        const string csv = "participant,prompt,task,left,right,choice\n" +
            "w1,a dancer spins,=1+2,ours-simdrop,base-model,right\n" +
            "w2,a dancer spins,@sum,ours-simdrop,base-model,right\n";
        (await researcher.ImportJudgmentsAsync(studyId, csv)).StatusCode.Should().Be(HttpStatusCode.Created);

        var lines = (await researcher.GetStringAsync($"/api/studies/{studyId}/results.csv")).Split('\n');

        lines.Should().Contain(l => l.Contains(",'=1+2,", StringComparison.Ordinal)).And.Contain(l => l.Contains(",'@sum,", StringComparison.Ordinal));
        lines.Should().NotContain(l => l.Contains(",=1+2,", StringComparison.Ordinal) || l.Contains(",@sum,", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Contains("good_minus_bad", StringComparison.Ordinal) && l.Contains(",-1,", StringComparison.Ordinal),
            "a negative figure is a number, not escaped text");
    }

    [Fact]
    public async Task A_bad_csv_is_refused_whole_with_its_line_numbers()
    {
        const string csv = "participant,prompt,task,left,right,choice\n" +
            "w1,a dancer spins,dance,ours-simdrop,base-model,left\n" +
            "w2,a dancer spins,dance,ours-simdrop,nobody,left\n" +
            "w3,a dancer spins,dance,ours-simdrop,base-model,left\n" +
            "w4,a dancer spins,swimming,ours-simdrop,base-model,maybe\n";

        var problem = await RefusedAsync(csv);

        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).Should().Equal(
            "line 3: right condition 'nobody' is not one of the study's (base-model, ours-simdrop)",
            "line 5: task 'swimming' is not one of the study's (dance, gym), choice 'maybe' is not one of left, same, right");
        problem.GetProperty("detail").GetString().Should().StartWith("Nothing was imported: 2 lines are not valid.");
        problem.GetProperty("badLines").GetString().Should().Be("3, 5");
    }

    [Fact]
    public async Task Every_bad_line_number_is_listed_however_many_there_are()
    {
        // Lines 2 to 1001; 3-7, 12 and 40-1000 name a condition the study does not have.
        var csv = new StringBuilder(JudgmentCsv.Header + "\n");
        for (var line = 2; line <= 1001; line++)
            csv.Append(line is >= 3 and <= 7 or 12 or >= 40 and <= 1000 ? "w1,a dancer spins,dance,ours-simdrop,nobody,left\n" : "w1,a dancer spins,dance,ours-simdrop,base-model,left\n");

        var problem = await RefusedAsync(csv.ToString());

        problem.GetProperty("badLines").GetString().Should().Be("3-7, 12, 40-1000");
        problem.GetProperty("errors").GetArrayLength().Should().Be(ImportingJudgments.MaxProblemsListed);
        problem.GetProperty("detail").GetString().Should().StartWith("Nothing was imported: 967 lines are not valid.");
    }

    [Fact]
    public async Task A_quote_out_of_place_is_a_bad_line_not_a_silent_guess()
    {
        const string csv = "participant,prompt,task,left,right,choice\n" +
            "w1,a dancer spins,dance,ours-simdrop,base-model,left\n" +
            "w2,a \"dancer\" spins,dance,ours-simdrop,base-model,left\n" +
            "w3,\"a dancer, spinning\",dance,ours-simdrop,base-model,left\n";

        var problem = await RefusedAsync(csv);

        problem.GetProperty("badLines").GetString().Should().Be("3");
        problem.GetProperty("errors").EnumerateArray().Single().GetString().Should().StartWith("line 3: a quote is out of place in a \"dancer\" spins");
    }

    [Fact]
    public async Task A_file_can_also_come_as_a_multipart_upload()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.CreateStudyAsync(new StudyBuilder().Build());
        using var form = new MultipartFormDataContent { { new StringContent(JudgmentCsv.Table9("gym")), "file", "prolific-batch-1.csv" } };

        var response = await researcher.PostAsync($"/api/studies/{studyId}/judgments/import", form);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        (await response.Content.ReadFromJsonAsync<ImportedSummary>(ApiClient.Json)).Should().BeEquivalentTo(new { Judgments = 38, FileName = "prolific-batch-1.csv" });
        var csv = await researcher.GetStringAsync($"/api/studies/{studyId}/judgments.csv");
        csv.Split('\n').Count(l => l.Contains(",gym,", StringComparison.Ordinal) && l.Contains(",True,False,", StringComparison.Ordinal)).Should().Be(38, "every row is marked imported");
    }

    [Fact]
    public async Task A_file_without_the_expected_columns_is_refused()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.CreateStudyAsync(new StudyBuilder().Build());

        var response = await researcher.ImportJudgmentsAsync(studyId, "who,what\nw1,left\n");

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).Should().Contain("lacks the columns participant, prompt, task, left, right, choice");
    }

    [Fact]
    public async Task A_judgment_in_the_browser_shows_in_the_results_and_the_judgments_csv()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.OpenStudyWithVideosAsync(new StudyBuilder().Build(), prompts: 1);
        var before = await researcher.GetFromJsonAsync<JsonElement>($"/api/studies/{studyId}/results");
        var participant = Factory.CreateClient();
        var token = await participant.StartSessionAsync(studyId, "prolific-pid-42");
        var trial = await participant.NextTrialAsync(token);

        (await participant.AnswerAsync(token, trial.TrialId, Choice.Left, 2345)).EnsureSuccessStatusCode();

        var after = await researcher.GetFromJsonAsync<JsonElement>($"/api/studies/{studyId}/results");
        after.GetProperty("judgments").GetInt32().Should().Be(1);
        after.GetProperty("eventVersion").GetInt64().Should().BeGreaterThan(before.GetProperty("eventVersion").GetInt64());
        after.GetProperty("positionBias").GetProperty("leftWins").GetInt32().Should().Be(1);
        var csv = (await researcher.GetStringAsync($"/api/studies/{studyId}/judgments.csv")).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        csv[0].Should().Be("event_version,participant,prompt,task,left,right,choice,decision_ms,client_decision_ms,at,gold,gold_copy,correct,imported,excluded,exclusion_reasons");
        csv.Should().HaveCount(2);
        csv[1].Should().MatchRegex(@"^\d+,prolific-pid-42,""a dancer spins, take 0"",dance,(base-model,ours-simdrop|ours-simdrop,base-model),left,\d+,2345,20\d\d-.*,False,,,False,False,$");
    }

    [Fact]
    public async Task A_gold_answer_is_counted_apart_everywhere_and_its_row_names_its_prompt_task_and_copy()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.OpenStudyWithVideosAsync(new StudyBuilder { TrialsPerParticipant = 2, GoldRate = 0.5 }.Build(), prompts: 1);
        var participant = Factory.CreateClient();
        var token = await participant.StartSessionAsync(studyId, "gold-checked");
        HttpResponseMessage next;
        while ((next = await participant.GetAsync($"/api/sessions/{token}/next")).StatusCode == HttpStatusCode.OK)
        {
            var trial = (await next.Content.ReadFromJsonAsync<TrialResponse>(ApiClient.Json))!;
            (await participant.AnswerAsync(token, trial.TrialId, Choice.Left)).EnsureSuccessStatusCode();
        }

        var study = await researcher.GetFromJsonAsync<JsonElement>($"/api/studies/{studyId}");
        // All participants: the gold answer is a guess (left), which the study's rules might flag.
        var results = await researcher.GetFromJsonAsync<JsonElement>($"/api/studies/{studyId}/results?exclusions=false");
        var csv = await researcher.GetStringAsync($"/api/studies/{studyId}/judgments.csv");
        var resultsCsv = await researcher.GetStringAsync($"/api/studies/{studyId}/results.csv?exclusions=false");

        var counts = study.GetProperty("counts");
        (counts.GetProperty("judgments").GetInt32(), counts.GetProperty("goldJudgments").GetInt32()).Should().Be((1, 1));
        (results.GetProperty("judgments").GetInt32(), results.GetProperty("goldJudgments").GetInt32()).Should().Be((1, 1));
        resultsCsv.Should().Contain(",counts,,,,gold_judgments,,1,");
        var gold = csv.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries).Single(l => l.Contains(",True,frozen-", StringComparison.Ordinal));
        gold.Should().MatchRegex(@"^\d+,gold-checked,""a dancer spins, take 0"",dance,(base-model,base-model|ours-simdrop,ours-simdrop),left,\d+,2500,20\d\d-.*,True,frozen-(left|right),(True|False),False,False,$");
        csv.Should().NotContain("gold:");
    }

    [Fact]
    public async Task Concurrent_judgments_are_all_counted()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.OpenStudyWithVideosAsync(new StudyBuilder { TrialsPerParticipant = 1, Tasks = ["dance"] }.Build(), prompts: 2);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            var participant = Factory.CreateClient();
            var token = await participant.StartSessionAsync(studyId, $"concurrent-{i}");
            var trial = await participant.NextTrialAsync(token);
            (await participant.AnswerAsync(token, trial.TrialId, i % 2 == 0 ? Choice.Left : Choice.Same)).EnsureSuccessStatusCode();
        }));

        await using var session = Factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var tally = await StudyTally.ReadAsync(session, studyId, CancellationToken.None);
        (tally.Judgments, tally.Participants.Count).Should().Be((6, 6));
        (await researcher.GetFromJsonAsync<JsonElement>($"/api/studies/{studyId}/results")).GetProperty("judgments").GetInt32().Should().Be(6);
    }

    [Fact]
    public async Task Changing_the_exclusion_rules_moves_the_event_version_and_the_results()
    {
        var researcher = await fixture.ResearcherAsync();
        var settings = new StudyBuilder().Build();
        var studyId = await researcher.CreateStudyAsync(settings);
        (await researcher.ImportJudgmentsAsync(studyId, JudgmentCsv.Table9())).EnsureSuccessStatusCode();
        var before = await researcher.GetFromJsonAsync<JsonElement>($"/api/studies/{studyId}/results");

        var changed = await researcher.PutAsJsonAsync($"/api/studies/{studyId}", settings with { Exclusions = new ExclusionRules(MaxGoldFailureRate: 0.2, MinMedianDecisionMs: 1000) }, ApiClient.Json);

        changed.StatusCode.Should().Be(HttpStatusCode.NoContent);
        var after = await researcher.GetFromJsonAsync<JsonElement>($"/api/studies/{studyId}/results");
        after.GetProperty("eventVersion").GetInt64().Should().BeGreaterThan(before.GetProperty("eventVersion").GetInt64());
        after.GetProperty("excludedParticipants").GetInt32().Should().Be(0, "imported answers carry no gold trials or decision times to exclude on");
    }

    [Fact]
    public async Task Imported_judgments_keep_the_study_from_changing_what_they_answered()
    {
        var researcher = await fixture.ResearcherAsync();
        var settings = new StudyBuilder().Build();
        var studyId = await researcher.CreateStudyAsync(settings);
        (await researcher.ImportJudgmentsAsync(studyId, JudgmentCsv.Table9())).EnsureSuccessStatusCode();

        var response = await researcher.PutAsJsonAsync($"/api/studies/{studyId}", settings with { Kind = StudyKind.Rating, SuccessCriterion = "Success: intact" }, ApiClient.Json);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync()).Should().Contain("38 judgments have been collected");
    }

    [Fact]
    public async Task A_broken_multipart_body_is_refused_not_a_server_error()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.CreateStudyAsync(new StudyBuilder().Build());
        var body = new StringContent("--nope\r\nthis is not multipart", Encoding.UTF8);
        body.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=expected");

        var response = await researcher.PostAsync($"/api/studies/{studyId}/judgments/import", body);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).Should().Contain("multipart body could not be read");
    }

    [Fact]
    public async Task Results_need_the_researcher_role_and_an_existing_study()
    {
        var researcher = await fixture.ResearcherAsync();
        var anonymous = Factory.CreateClient();
        var studyId = await researcher.CreateStudyAsync(new StudyBuilder().Build());

        (await anonymous.GetAsync($"/api/studies/{studyId}/results")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.ImportJudgmentsAsync(studyId, JudgmentCsv.Table9())).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await researcher.GetAsync($"/api/studies/{Guid.NewGuid()}/results")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await researcher.ImportJudgmentsAsync(Guid.NewGuid(), JudgmentCsv.Table9())).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
