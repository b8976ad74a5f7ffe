using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Generation;
using Platform.Studies;
using Platform.Testing;
using Platform.Voting;
using Platform.Web.Generation.Batches;

namespace Platform.Tests.Studies;

/// <summary>
/// Condition keys as researchers write them (<c>simdrop-0.1</c>, <c>Kling-1.6</c>, <c>gen_3.alpha-turbo</c>) go through
/// every way in and out of the platform as written, whatever case a file or a script uses for them.
/// </summary>
[Collection(StudiesHost.Name)]
public sealed class ConditionKeysTests(PlatformFixture fixture) : IAsyncLifetime
{
    private const string Prompt = "a dancer spins";
    private ReferenceRenderServer _server = default!;

    public async Task InitializeAsync() => _server = await ReferenceRenderServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Dotted_keys_go_through_upload_generation_voting_import_and_every_export_as_written()
    {
        var admin = await fixture.Factory.AdminAsync();
        var server = await admin.RegisterServerAsync(_server.BaseUrl, name: $"reference-{Guid.NewGuid():N}");
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.CreateStudyAsync(new StudyBuilder
        {
            Conditions =
            [
                new("simdrop-0.1", "SimDrop_0.1", true),
                new("Kling-1.6", "Kling 1.6", false),
                new("gen_3.alpha-turbo", "Gen-3 Alpha Turbo", false),
            ],
            Tasks = ["dance"],
            Pairing = PairingRule.AllPairs,
            JudgmentsPerTrial = 1,
            TrialsPerParticipant = 1,
        }.Build());

        // Uploads and the generation batch name the conditions in other cases: the study's spelling is stored.
        (await researcher.UploadAsync(studyId, await TestVideos.ClipAsync(hue: 40), "KLING-1.6", Prompt, seed: 1)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await researcher.UploadAsync(studyId, await TestVideos.ClipAsync(hue: 200), "Gen_3.Alpha-Turbo", Prompt, seed: 1)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        var batch = await researcher.StartBatchAsync(studyId, new BatchRequest([new PromptToGenerate(Prompt, "dance")], [new ConditionPlan("SIMDROP-0.1", server.Id, null)], [1]));
        (await researcher.WaitForBatchAsync(batch.BatchId)).Succeeded.Should().Be(1);
        var videos = await researcher.WaitForVideosAsync(studyId);
        videos.Select(v => (v.Condition, v.Status)).Should().BeEquivalentTo(new[]
        {
            ("simdrop-0.1", VideoState.Ready), ("Kling-1.6", VideoState.Ready), ("gen_3.alpha-turbo", VideoState.Ready),
        });

        (await researcher.PostAsync($"/api/studies/{studyId}/open", null)).EnsureSuccessStatusCode();
        var participant = fixture.Factory.CreateClient();
        var token = await participant.StartSessionAsync(studyId, "dotted-keys-participant");
        var trial = await participant.NextTrialAsync(token);
        (await participant.AnswerAsync(token, trial.TrialId, Choice.Left)).StatusCode.Should().Be(HttpStatusCode.Created);

        var csv = new StringBuilder(JudgmentCsv.Header + "\n");
        for (var i = 0; i < 6; i++) csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"worker-{i},{Prompt},dance,{(i % 2 == 0 ? "KLING-1.6" : "Kling-1.6")},simdrop-0.1,{(i < 4 ? "left" : "right")}\n");
        csv.Append($"worker-6,{Prompt},dance,gen_3.alpha-turbo,SimDrop-0.1,same\n");
        (await researcher.ImportJudgmentsAsync(studyId, csv.ToString())).StatusCode.Should().Be(HttpStatusCode.Created);

        using var results = JsonDocument.Parse(await researcher.GetStringAsync($"/api/studies/{studyId}/results"));
        var ranked = results.RootElement.GetProperty("ranking").EnumerateArray().Select(r => r.GetProperty("condition").GetString()).ToList();
        ranked.Should().BeEquivalentTo("simdrop-0.1", "Kling-1.6", "gen_3.alpha-turbo");
        var pairs = results.RootElement.GetProperty("pairwise").EnumerateArray()
            .Select(r => (r.GetProperty("conditionA").GetString(), r.GetProperty("conditionB").GetString())).ToList();
        pairs.Should().Contain(p => p.Item1 == "Kling-1.6" && p.Item2 == "simdrop-0.1" || p.Item1 == "simdrop-0.1" && p.Item2 == "Kling-1.6");

        var resultsCsv = await researcher.GetStringAsync($"/api/studies/{studyId}/results.csv");
        resultsCsv.Should().Contain(",Kling-1.6,").And.Contain(",simdrop-0.1").And.Contain("gen_3.alpha-turbo").And.NotContain("KLING");

        var tex = await researcher.GetStringAsync($"/api/studies/{studyId}/results.tex");
        tex.Should().Contain(@"SimDrop\_0.1", "an underscore is escaped for LaTeX").And.Contain("Kling 1.6").And.NotContain("SimDrop_0.1");

        var judgments = await researcher.GetStringAsync($"/api/studies/{studyId}/judgments.csv");
        var rows = judgments.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        rows.Should().HaveCount(8, "one voted and seven imported");
        rows.Where(r => r.Contains("worker-", StringComparison.Ordinal)).Should().HaveCount(7)
            .And.OnlyContain(r => r.Contains("simdrop-0.1", StringComparison.Ordinal) && !r.Contains("KLING", StringComparison.Ordinal) && !r.Contains("SimDrop-0.1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Keys_that_differ_only_in_case_are_refused_at_the_field()
    {
        var researcher = await fixture.ResearcherAsync();
        var settings = new StudyBuilder { Conditions = [new("kling-1.6", "Kling", true), new("Kling-1.6", "Kling again", false)] }.Build();

        var response = await researcher.PostAsJsonAsync("/api/studies", settings, ApiClient.Json);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Should().Equal("conditions[1].key");
        errors.GetProperty("conditions[1].key")[0].GetString().Should().Contain("'Kling-1.6' is used twice");
    }
}
