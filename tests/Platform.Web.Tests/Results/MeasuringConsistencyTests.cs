using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.Options;
using Platform.Generation;
using Platform.Results;
using Platform.Studies;
using Platform.Testing;
using Platform.Voting;
using Platform.Web.Generation.Batches;
using Platform.Web.Hosting;
using Platform.Web.Results;

namespace Platform.Tests.Results;

/// <summary>
/// Real COLMAP on the render server's scenes: the rigid room against the one that shakes and redraws itself, measured,
/// set beside the people and exported; and runs that find nothing, stop, or fail, each leaving no work folder behind.
/// </summary>
[Collection(ResultsHost.Name)]
public sealed class MeasuringConsistencyTests(PlatformFixture fixture) : IAsyncLifetime
{
    private ReferenceRenderServer _server = default!;

    public async Task InitializeAsync() => _server = await ReferenceRenderServer.StartAsync(latency: TimeSpan.Zero);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static readonly GenerationSettings TwoSeconds = new(Width: 320, Height: 240, Fps: 12, Frames: 24);

    [Fact]
    public async Task The_consistent_camera_move_registers_more_frames_with_lower_error_than_the_jittered_one_beside_the_people_and_in_the_exports()
    {
        // Given a rating study whose two conditions come from the render server's scene models
        var admin = await fixture.Factory.AdminAsync();
        // One render at a time on each: two clips of 320 × 240 at once keep both cores busy within the host's 8 s job timeout.
        var rigid = await admin.RegisterServerAsync(_server.BaseUrl, maxConcurrentJobs: 1, model: "reference-scene", defaults: TwoSeconds, name: $"scene-{Guid.NewGuid():N}");
        var shaky = await admin.RegisterServerAsync(_server.BaseUrl, maxConcurrentJobs: 1, model: "reference-scene-unstable", defaults: TwoSeconds, name: $"shaky-{Guid.NewGuid():N}");
        var researcher = await fixture.ResearcherAsync();
        var settings = StudyBuilder.Rating() with
        {
            Conditions = [new("consistent", "Consistent", false, new Dictionary<string, string>()), new("jittered", "Jittered", false, new Dictionary<string, string>())],
            Tasks = ["camera"],
            TrialsPerParticipant = 4,
            JudgmentsPerTrial = 3,
        };
        var studyId = await researcher.CreateStudyAsync(settings.Build());

        // When a batch renders an orbit with two seeds in each condition, and the researcher then switches measuring on
        var batch = await researcher.WaitForBatchAsync((await researcher.StartBatchAsync(studyId, new BatchRequest([new PromptToGenerate("an orbit around the room", "camera")],
            [new ConditionPlan("consistent", rigid.Id, null), new ConditionPlan("jittered", shaky.Id, null)], [1, 2]))).BatchId, TimeSpan.FromMinutes(2));
        batch.Succeeded.Should().Be(4, System.Text.Json.JsonSerializer.Serialize(batch));
        var ready = await researcher.WaitForVideosAsync(studyId);
        ready.Should().HaveCount(4).And.OnlyContain(v => v.Status == VideoState.Ready, string.Join("; ", ready.Select(v => $"{v.Condition} {v.Status} {v.Reason}")));
        (await researcher.PutAsJsonAsync($"/api/studies/{studyId}/consistency", new ConsistencySwitchRequest(true), ApiClient.Json)).EnsureSuccessStatusCode();
        var measured = await Eventually.ReturnsAsync(() => researcher.GetFromJsonAsync<ConsistencyView>($"/api/studies/{studyId}/consistency", ApiClient.Json),
            view => view!.Videos.Count == 4 && view.Videos.All(v => v.State != "waiting"), "COLMAP measured all four videos", TimeSpan.FromMinutes(5),
            view => string.Join("; ", view!.Videos.Select(v => $"{v.Condition}: {v.Summary}")));

        // Then every consistent video registers more frames, and with a lower best-1000 error, than every jittered one
        var consistent = measured!.Videos.Where(v => v.Condition == "consistent").Select(v => v.Result!).ToList();
        var jittered = measured.Videos.Where(v => v.Condition == "jittered").Select(v => v.Result!).ToList();
        consistent.Should().OnlyContain(m => m.Outcome == ConsistencyOutcome.Measured && m.FramesExtracted == 24 && m.Model!.Registered >= 20);
        consistent.Should().OnlyContain(m => m.Model!.Cameras.Count == m.Model.Registered && m.ColmapVersion.StartsWith("COLMAP 3", StringComparison.Ordinal));
        var strip = await researcher.GetAsync($"/media/{consistent[0].StripMediaId}");
        (strip.StatusCode, strip.Content.Headers.ContentType?.MediaType).Should().Be((System.Net.HttpStatusCode.OK, "image/jpeg"), "a strip of six frames shows each video at a glance");
        foreach (var (good, bad) in consistent.SelectMany(c => jittered.Select(j => (c, j))))
        {
            (bad.Model?.Registered ?? 0).Should().BeLessThan(good.Model!.Registered, "jitter loses frames");
            if (bad.Model is { } model) model.BestReprojectionError.Should().BeGreaterThan(good.Model.BestReprojectionError);
        }

        // And with people's answers, the metrics table sets each condition's mean (n = 2, with an interval) beside its success rate
        await AnswerAsync(studyId, successFor: "consistent");
        var table = (await researcher.GetFromJsonAsync<MetricTableView>($"/api/studies/{studyId}/metrics/table", ApiClient.Json))!;
        table.Conditions.Single(c => c.Metric == Consistency.BestError && c.Condition == "consistent").Mean.N.Should().Be(2);
        var share = table.Conditions.Where(c => c.Metric == Consistency.RegisteredShare).ToDictionary(c => c.Condition);
        share["consistent"].Mean.Value!.Value.Should().BeGreaterThan(share["jittered"].Mean.Value!.Value);
        share["consistent"].Mean.Low!.Value.Should().BeLessThanOrEqualTo(share["consistent"].Mean.Value!.Value);
        (share["consistent"].People!.Value.Rate, share["jittered"].People!.Value.Rate).Should().Be((1.0, 0.0));
        table.Agreement.Single(a => a.Metric == Consistency.RegisteredShare).Spearman.Value.Should().BePositive("more frames registered, more successes");

        // And the exports carry them: results.csv rows, a table-4 shaped results.tex, and the results JSON
        var csv = await researcher.GetStringAsync($"/api/studies/{studyId}/results.csv");
        csv.Split("\r\n")[0].Should().EndWith(",metric,note");
        csv.Should().Contain($",metrics,consistent,,,mean,2,,").And.Contain($",{Consistency.RegisteredShare}").And.Contain(",spearman_rho,4,");
        var tex = await researcher.GetStringAsync($"/api/studies/{studyId}/results.tex");
        tex.Should().Contain("Condition & Reg. & $N$ & $T$ & $\\epsilon_{\\mathrm{proj}}$ & $\\hat{\\epsilon}_{\\mathrm{proj}}$ & Success (\\%) \\\\");
        tex.Should().Contain("Consistent & 1.00 {\\scriptsize [1.00, 1.00]} & ");
        var json = await researcher.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/studies/{studyId}/results");
        json.GetProperty("metrics").GetProperty("conditions").GetArrayLength().Should().Be(table.Conditions.Count);
        json.GetProperty("success").GetArrayLength().Should().BePositive("the results stay as they were, the metrics beside them");

        // And no work folder is left
        WorkFolders().Should().BeEmpty();
    }

    [Fact]
    public async Task A_video_with_nothing_to_reconstruct_is_recorded_as_no_model_with_its_frames_counted()
    {
        var (studyId, videoId) = await MeasuredStudyAsync();

        var researcher = await fixture.ResearcherAsync();
        var reserved = await researcher.PostAsync($"/api/studies/{studyId}/metrics/import",
            new StringContent($"video,metric,value,better\n{videoId},colmap_points,5,higher\n", System.Text.Encoding.UTF8, "text/csv"));
        var pose = await researcher.PostAsync($"/api/studies/{studyId}/metrics/import",
            new StringContent($"video,metric,value,better\n{videoId},pose confidence,0.5,higher\n", System.Text.Encoding.UTF8, "text/csv"));
        var missing = await researcher.PutAsync($"/api/studies/{studyId}/consistency", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        var view = await ViewAsync(studyId);
        var video = view.Videos.Single();
        ((int)missing.StatusCode).Should().Be(400);
        (await missing.Content.ReadAsStringAsync()).Should().Contain("The body needs \\\"on\\\": true");
        view.On.Should().BeTrue("a body without \"on\" changes nothing");
        (video.State, video.Summary).Should().Be(("no model", "no model: 0 of 12 frames registered"));
        video.Result!.StripMediaId.Should().NotBeNull("the frames were taken, though nothing was reconstructed");
        ((int)reserved.StatusCode).Should().Be(422);
        (await reserved.Content.ReadAsStringAsync()).Should().Contain("'colmap_points' is a name the platform's own COLMAP measurements use");
        pose.EnsureSuccessStatusCode();
        video.Imported.Select(m => (m.Metric, m.Value)).Should().Equal(("pose confidence", 0.5));
        video.Result!.Parameters.Should().Be(fixture.Factory.Services.GetRequiredService<IOptions<ConsistencyOptions>>().Value.Parameters);
        WorkFolders().Should().BeEmpty();
        var metrics = await fixture.Factory.Services.GetRequiredService<MetricTables>().ComputeAsync(studyId, null, CancellationToken.None);
        metrics.Conditions.Select(c => (c.Metric, c.Mean.Value)).Should().Equal(("pose confidence", 0.5), (Consistency.RegisteredShare, 0.0));
    }

    [Fact]
    public async Task A_run_past_its_time_limit_or_without_colmap_is_recorded_as_failed_and_one_stopped_by_shutdown_records_nothing()
    {
        // Other parameters than the host's: the video, measured already, is measured again.
        var (studyId, videoId) = await MeasuredStudyAsync();

        await Job(o => o.TimeLimit = TimeSpan.FromMilliseconds(1)).RunAsync(videoId, CancellationToken.None);
        (await ViewAsync(studyId)).Videos.Single().Summary.Should().Be("not measured: stopped at the time limit of 0 min");
        await Job(o => o.ColmapPath = "/nonexistent/colmap").RunAsync(videoId, CancellationToken.None);
        (await ViewAsync(studyId)).Videos.Single().Summary.Should().StartWith("not measured: COLMAP could not start (/nonexistent/colmap");
        WorkFolders().Should().BeEmpty("a failed run leaves no work folder either");

        using var shutdown = new CancellationTokenSource();
        var job = Job();
        var run = job.RunAsync(videoId, shutdown.Token);
        await Eventually.HoldsAsync(() => Directory.Exists(job.WorkFolder(videoId)) || run.IsCompleted, "the run made its work folder");
        await shutdown.CancelAsync();
        await FluentActions.Awaiting(() => run).Should().ThrowAsync<OperationCanceledException>("Hangfire takes the job up again after a restart");
        Directory.Exists(job.WorkFolder(videoId)).Should().BeFalse();
        (await ViewAsync(studyId)).Videos.Single().Result!.Outcome.Should().Be(ConsistencyOutcome.Failed, "the stopped run recorded nothing over the last one");
    }

    /// <summary>
    /// A study measuring 3D consistency, with one upload of ffmpeg's 2D test pattern (1 s at 10 fps) that Hangfire has
    /// measured since it became ready.
    /// </summary>
    private async Task<(Guid StudyId, Guid VideoId)> MeasuredStudyAsync()
    {
        var researcher = await fixture.ResearcherAsync();
        var settings = StudyBuilder.Rating() with { Tasks = ["camera"] };
        var studyId = await researcher.CreateStudyAsync(settings.Build());
        (await researcher.PutAsJsonAsync($"/api/studies/{studyId}/consistency", new ConsistencySwitchRequest(true), ApiClient.Json)).EnsureSuccessStatusCode();
        (await researcher.UploadAsync(studyId, await TestVideos.ClipAsync(hue: 17), settings.Conditions[0].Key, "a test pattern", "camera")).EnsureSuccessStatusCode();
        var video = (await researcher.WaitForVideosAsync(studyId)).Single();
        await Eventually.HoldsAsync(async () => (await ViewAsync(studyId)).Videos.Single().State != "waiting", "Hangfire measured the new video", TimeSpan.FromMinutes(2));
        return (studyId, video.Id);
    }

    /// <summary>The job with options of its own, frames at 6 per second rather than the host's 12.</summary>
    private MeasureConsistency Job(Action<ConsistencyOptions>? configure = null)
    {
        var services = fixture.Factory.Services;
        var options = new ConsistencyOptions { FrameRate = 6 };
        configure?.Invoke(options);
        var wrapped = Options.Create(options);
        var colmap = new Colmap(wrapped);
        var reconstructing = ActivatorUtilities.CreateInstance<Reconstructing>(services, colmap, wrapped);
        return ActivatorUtilities.CreateInstance<MeasureConsistency>(services, reconstructing, colmap, wrapped);
    }

    private Task<ConsistencyView> ViewAsync(Guid studyId) =>
        fixture.Factory.Services.GetRequiredService<ConsistencySwitches>().ReadAsync(studyId, CancellationToken.None);

    private string[] WorkFolders() => Directory.GetDirectories(fixture.Factory.Services.GetRequiredService<Storage>().Uploads, "*.colmap");

    /// <summary>Three participants each judge four trials: success for the given condition, failure for the other.</summary>
    private async Task AnswerAsync(Guid studyId, string successFor)
    {
        var researcher = await fixture.ResearcherAsync();
        (await researcher.PostAsync($"/api/studies/{studyId}/open", null)).EnsureSuccessStatusCode();
        await using var session = fixture.Factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var conditionOfMedia = (await session.Query<CandidateVideo>().Where(v => v.StudyId == studyId).ToListAsync())
            .ToDictionary(v => v.MediaId!, v => v.Condition);
        var participant = fixture.Factory.CreateClient();
        for (var p = 0; p < 3; p++)
        {
            var token = await participant.StartSessionAsync(studyId, $"consistency-worker-{p}");
            for (var t = 0; t < 4; t++)
            {
                var trial = await participant.NextTrialAsync(token);
                var condition = conditionOfMedia[trial.Videos.Single().Url.Split('/')[^1]];
                (await participant.AnswerAsync(token, trial.TrialId, condition == successFor ? Choice.Success : Choice.Failure)).EnsureSuccessStatusCode();
            }
        }
    }
}
