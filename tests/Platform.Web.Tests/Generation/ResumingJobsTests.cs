using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Generation;
using Platform.Studies;
using Platform.Testing;
using Platform.Web.Generation.Batches;
using Platform.Web.Generation.Running;

namespace Platform.Tests.Generation;

/// <summary>Runs of generation jobs that went missing are resumed; a run never overlaps another of the same job.</summary>
public sealed class ResumingJobsTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>, IAsyncLifetime
{
    private ReferenceRenderServer _server = default!;

    public async Task InitializeAsync() => _server = await ReferenceRenderServer.StartAsync(latency: TimeSpan.FromMilliseconds(300));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(HttpClient Researcher, Guid StudyId, Guid ServerId)> StudyWithServerAsync()
    {
        var admin = await fixture.Factory.AdminAsync();
        var server = await admin.RegisterServerAsync(_server.BaseUrl, name: $"reference-{Guid.NewGuid():N}");
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.CreateStudyAsync(new StudyBuilder { Tasks = ["dance"] }.Build());
        return (researcher, studyId, server.Id);
    }

    [Fact]
    public async Task A_job_whose_run_never_reached_hangfire_is_resumed_by_the_sweep_and_registered_once()
    {
        var (researcher, studyId, serverId) = await StudyWithServerAsync();
        // As if the process stopped right after saving the batch, before enqueueing its run.
        var (batchId, jobId) = (Guid.NewGuid(), Guid.NewGuid());
        var at = DateTimeOffset.UtcNow - ResumeGenerationJobs.Grace - TimeSpan.FromMinutes(1);
        var job = new PlannedJob(jobId, "a dancer spins", "dance", "base-model", 1, serverId, new GenerationSettings());
        await using (var session = fixture.Factory.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            session.Events.StartStream<GenerationBatch>(batchId, new GenerationBatchPlanned(batchId, studyId, [job], 0, Guid.Empty, at));
            session.Events.StartStream<GenerationJob>(jobId, new GenerationJobQueued(jobId, batchId, studyId, job, at));
            await session.SaveChangesAsync();
        }
        var sweep = fixture.Factory.Services.GetRequiredService<ResumeGenerationJobs>();

        (await sweep.RunAsync(CancellationToken.None)).Should().Contain(jobId);
        var progress = await researcher.WaitForBatchAsync(batchId);

        progress.Succeeded.Should().Be(1);
        (await sweep.RunAsync(CancellationToken.None)).Should().NotContain(jobId, "a finished job needs no run");
        (await researcher.WaitForVideosAsync(studyId)).Should().ContainSingle(v => v.Condition == "base-model" && v.Status == VideoState.Ready);
    }

    [Fact]
    public async Task A_job_that_still_has_its_run_gets_no_second_one()
    {
        var (researcher, studyId, serverId) = await StudyWithServerAsync();
        await _server.InjectAsync(new ReferenceRenderServer.Faults(Hang: true));
        try
        {
            var (batchId, jobId) = await StartOneJobAsync(researcher, studyId, serverId);

            // The run is in Hangfire (processing); the sweep only looks at jobs past their grace period, so ask it with
            // a clock moved past it.
            var sweep = new ResumeGenerationJobs(fixture.Factory.Services.GetRequiredService<IDocumentStore>(),
                fixture.Factory.Services.GetRequiredService<Hangfire.JobStorage>(), fixture.Factory.Services.GetRequiredService<Hangfire.IBackgroundJobClient>(),
                new ShiftedClock(ResumeGenerationJobs.Grace + TimeSpan.FromMinutes(1)), NullLogger<ResumeGenerationJobs>.Instance);
            (await sweep.RunAsync(CancellationToken.None)).Should().NotContain(jobId);
        }
        finally
        {
            await _server.InjectAsync(new ReferenceRenderServer.Faults());
        }
    }

    [Fact]
    public async Task A_second_run_of_a_running_job_leaves_it_to_the_first()
    {
        var (researcher, studyId, serverId) = await StudyWithServerAsync();
        await _server.InjectAsync(new ReferenceRenderServer.Faults(Hang: true));
        try
        {
            var (batchId, jobId) = await StartOneJobAsync(researcher, studyId, serverId);
            using var scope = fixture.Factory.Services.CreateScope();

            // Without the job's lock this run would poll the hanging job with the first until the job timed out (8 s).
            var second = scope.ServiceProvider.GetRequiredService<RunGenerationJob>().RunAsync(jobId, null, CancellationToken.None);

            await second.WaitAsync(TimeSpan.FromSeconds(3));
            var progress = (await researcher.GetFromJsonAsync<BatchProgress>($"/api/generation/batches/{batchId}", ApiClient.Json))!;
            (progress.Running, progress.JobList.Single().Attempts).Should().Be((1, 1), "the first run still waits on the server");
        }
        finally
        {
            await _server.InjectAsync(new ReferenceRenderServer.Faults());
        }
    }

    /// <summary>One job on the server, waited for until it runs there.</summary>
    private static async Task<(Guid BatchId, Guid JobId)> StartOneJobAsync(HttpClient researcher, Guid studyId, Guid serverId)
    {
        var batch = await researcher.StartBatchAsync(studyId, new BatchRequest(
            [new PromptToGenerate("a dancer spins", "dance")], [new ConditionPlan("base-model", serverId, null)], [1]));
        return (batch.BatchId, (await WaitForRunningAsync(researcher, batch.BatchId)).JobList.Single().Id);
    }

    private static async Task<BatchProgress> WaitForRunningAsync(HttpClient researcher, Guid batchId) =>
        (await Eventually.ReturnsAsync(() => researcher.GetFromJsonAsync<BatchProgress>($"/api/generation/batches/{batchId}", ApiClient.Json),
            progress => progress!.Running > 0, "the job reached its server", TimeSpan.FromSeconds(60)))!;

    private sealed class ShiftedClock(TimeSpan by) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + by;
    }
}
