using System.Net;
using System.Net.Http.Json;
using Marten;
using Platform.Generation;
using Platform.Studies;
using Platform.Testing;
using Platform.Voting;
using Platform.Web.Generation.Batches;
using Platform.Web.Generation.Following;

namespace Platform.Tests.Generation;

/// <summary>Batches run as Hangfire jobs against the reference render server: the happy path and every injected fault.</summary>
public sealed class GeneratingCandidatesTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>, IAsyncLifetime
{
    private ReferenceRenderServer _server = default!;

    public async Task InitializeAsync() => _server = await ReferenceRenderServer.StartAsync(latency: TimeSpan.FromMilliseconds(300));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(HttpClient Researcher, Guid StudyId, Guid ServerId)> StudyWithServerAsync(ServerProtocol protocol = ServerProtocol.OpenAiVideos, int limit = 2)
    {
        var admin = await fixture.Factory.AdminAsync();
        var server = await admin.RegisterServerAsync(_server.BaseUrl, protocol, limit, template: protocol == ServerProtocol.ComfyUi ? GenerationApi.ComfyTemplate : null, name: $"reference-{Guid.NewGuid():N}");
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.CreateStudyAsync(new StudyBuilder { Tasks = ["dance"], TrialsPerParticipant = 1, JudgmentsPerTrial = 1 }.Build());
        return (researcher, studyId, server.Id);
    }

    private static BatchRequest OnePromptBothConditions(Guid serverId, params int[] seeds) => new(
        [new PromptToGenerate("a dancer spins", "dance")],
        [new ConditionPlan("base-model", serverId, null), new ConditionPlan("ours-simdrop", serverId, new GenerationSettings(SimDropScale: 0.2))],
        seeds.Length > 0 ? seeds : [1]);

    [Theory]
    [InlineData(ServerProtocol.OpenAiVideos)]
    [InlineData(ServerProtocol.ComfyUi)]
    public async Task A_batch_fills_the_study_and_a_participant_judges_the_generated_pair(ServerProtocol protocol)
    {
        var (researcher, studyId, serverId) = await StudyWithServerAsync(protocol);
        var notices = new System.Collections.Concurrent.ConcurrentQueue<Guid>();
        fixture.Factory.Services.GetRequiredService<StudyActivity>().Changed += notices.Enqueue;

        var started = await researcher.StartBatchAsync(studyId, OnePromptBothConditions(serverId));
        var progress = await researcher.WaitForBatchAsync(started.BatchId);

        (started.Jobs, progress.Succeeded, progress.Failed).Should().Be((2, 2, 0));
        var videos = await researcher.WaitForVideosAsync(studyId);
        videos.Should().HaveCount(2).And.OnlyContain(v => v.Status == VideoState.Ready && v.Prompt == "a dancer spins" && v.Seed == 1);
        // Two CandidateVideoReady and a BatchCompleted reached the web side over MassTransit.
        await Eventually.HoldsAsync(() => notices.Count(id => id == studyId) >= 3, "the study's page heard of both videos and the batch's end", Retried);
        (await researcher.PostAsync($"/api/studies/{studyId}/open", null)).EnsureSuccessStatusCode();
        var participant = fixture.Factory.CreateClient();
        var token = await participant.StartSessionAsync(studyId, $"generated-{protocol}");
        var trial = await participant.NextTrialAsync(token);
        trial.Videos.Should().HaveCount(2);
        (await participant.AnswerAsync(token, trial.TrialId, Choice.Same)).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Only_the_cells_the_study_lacks_are_generated_again()
    {
        var (researcher, studyId, serverId) = await StudyWithServerAsync();
        await researcher.WaitForBatchAsync((await researcher.StartBatchAsync(studyId, OnePromptBothConditions(serverId, 1))).BatchId);

        var preview = await researcher.PostAsJsonAsync($"/api/studies/{studyId}/generation/preview", OnePromptBothConditions(serverId, 1, 2), ApiClient.Json);
        var second = await researcher.StartBatchAsync(studyId, OnePromptBothConditions(serverId, 1, 2));

        var plan = (await preview.Content.ReadFromJsonAsync<BatchPreview>(ApiClient.Json))!;
        (plan.Jobs, plan.AlreadyThere).Should().Be((2, 2));
        plan.EstimatedSeconds.Should().BePositive("the server has finished jobs to go by");
        (second.Jobs, second.AlreadyThere).Should().Be((2, 2));
        var again = await researcher.PostAsJsonAsync($"/api/studies/{studyId}/generation/batches", OnePromptBothConditions(serverId, 1, 2), ApiClient.Json);
        again.StatusCode.Should().Be(HttpStatusCode.Conflict, "everything is there or on its way");
    }

    [Fact]
    public async Task A_server_that_fails_the_job_fails_it_with_its_reason_and_registers_nothing()
    {
        var (researcher, studyId, serverId) = await StudyWithServerAsync();
        await _server.InjectAsync(new ReferenceRenderServer.Faults(ErrorRate: 1));
        try
        {
            var progress = await researcher.WaitForBatchAsync((await researcher.StartBatchAsync(studyId, OnePromptBothConditions(serverId))).BatchId);

            progress.Failed.Should().Be(2);
            progress.JobList.Should().OnlyContain(j => j.Reason!.Contains("simulated GPU out of memory"));
            (await researcher.WaitForVideosAsync(studyId)).Should().BeEmpty();
            (await fixture.Factory.UploadsAsync()).Should().BeEmpty("nothing was downloaded, and nothing is left half-made");
        }
        finally
        {
            await _server.InjectAsync(new ReferenceRenderServer.Faults());
        }
    }

    [Theory]
    [InlineData(429, 1)]
    [InlineData(503, null)]
    [InlineData(409, null)]
    public async Task Back_pressure_makes_the_job_wait_and_then_succeed(int status, int? retryAfter)
    {
        var (researcher, studyId, serverId) = await StudyWithServerAsync();
        await _server.InjectAsync(new ReferenceRenderServer.Faults(RejectNext: 2, RejectStatus: status, RetryAfterSeconds: retryAfter));

        var progress = await researcher.WaitForBatchAsync((await researcher.StartBatchAsync(studyId, OnePromptBothConditions(serverId))).BatchId);

        (progress.Succeeded, progress.Failed).Should().Be((2, 0));
        (await researcher.WaitForVideosAsync(studyId)).Should().HaveCount(2);
    }

    [Fact]
    public async Task A_retry_after_is_waited_out_with_the_slot_held_so_nothing_else_is_sent_to_the_server_meanwhile()
    {
        var (researcher, studyId, serverId) = await StudyWithServerAsync(limit: 1);
        await _server.InjectAsync(new ReferenceRenderServer.Faults(RejectNext: 1, RejectStatus: 429, RetryAfterSeconds: 2));
        try
        {
            var batch = await researcher.StartBatchAsync(studyId, OnePromptBothConditions(serverId));
            var progress = await researcher.WaitForBatchAsync(batch.BatchId);

            (progress.Succeeded, progress.Failed).Should().Be((2, 0));
            await using var session = fixture.Factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
            var submitted = (await session.Query<GenerationJob>().Where(j => j.BatchId == batch.BatchId).ToListAsync()).Select(j => j.SubmittedAt).ToList();
            submitted.Should().OnlyContain(at => at >= progress.PlannedAt + TimeSpan.FromSeconds(1.9),
                "the first job was told to come back in 2 s, and the other one waited for the single slot it held meanwhile");
        }
        finally
        {
            await _server.InjectAsync(new ReferenceRenderServer.Faults());
        }
    }

    [Fact]
    public async Task Jobs_still_waiting_when_their_server_is_retired_fail_with_the_reason_and_the_running_one_finishes()
    {
        await using var slow = await ReferenceRenderServer.StartAsync(latency: TimeSpan.FromSeconds(3));
        var admin = await fixture.Factory.AdminAsync();
        var server = await admin.RegisterServerAsync(slow.BaseUrl, maxConcurrentJobs: 1, name: $"slow-{Guid.NewGuid():N}");
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.CreateStudyAsync(new StudyBuilder { Tasks = ["dance"] }.Build());
        var batch = await researcher.StartBatchAsync(studyId, OnePromptBothConditions(server.Id));
        await Eventually.HoldsAsync(async () => (await slow.StatsAsync()).Submitted > 0, "the first job reached the server", Retried);

        (await admin.DeleteAsync($"/api/servers/{server.Id}")).EnsureSuccessStatusCode();
        var progress = await researcher.WaitForBatchAsync(batch.BatchId);

        (progress.Succeeded, progress.Failed).Should().Be((1, 1));
        progress.JobList.Single(j => j.State == JobState.Failed).Reason.Should().Contain("was retired");
        (await slow.StatsAsync()).Submitted.Should().Be(1, "nothing is sent to a retired server");
    }

    [Fact]
    public async Task A_job_that_hangs_times_out_with_the_reason()
    {
        var (researcher, studyId, serverId) = await StudyWithServerAsync();
        await _server.InjectAsync(new ReferenceRenderServer.Faults(Hang: true));
        try
        {
            var batch = await researcher.StartBatchAsync(studyId, OnePromptBothConditions(serverId));
            var progress = await researcher.WaitForBatchAsync(batch.BatchId, TimeSpan.FromSeconds(40));

            progress.Failed.Should().Be(2);
            progress.JobList.Should().OnlyContain(j => j.Reason!.Contains("did not finish within"));
            (await fixture.Factory.UploadsAsync()).Should().BeEmpty("a job that timed out leaves no file");
        }
        finally
        {
            await _server.InjectAsync(new ReferenceRenderServer.Faults());
        }
    }

    [Fact]
    public async Task A_download_cut_short_every_time_fails_and_leaves_no_partial_file()
    {
        var (researcher, studyId, serverId) = await StudyWithServerAsync();
        await _server.InjectAsync(new ReferenceRenderServer.Faults(TruncateContent: true));
        try
        {
            var progress = await researcher.WaitForBatchAsync((await researcher.StartBatchAsync(studyId, OnePromptBothConditions(serverId))).BatchId);

            progress.Failed.Should().Be(2);
            progress.JobList.Should().OnlyContain(j => j.Reason!.Contains("cut short"));
            (await fixture.Factory.UploadsAsync()).Should().BeEmpty("every cut download was deleted");
            (await researcher.WaitForVideosAsync(studyId)).Should().BeEmpty();
        }
        finally
        {
            await _server.InjectAsync(new ReferenceRenderServer.Faults());
        }
    }

    [Fact]
    public async Task A_server_restart_that_forgets_the_jobs_makes_them_run_again_and_register_once()
    {
        var (researcher, studyId, serverId) = await StudyWithServerAsync();
        await _server.InjectAsync(new ReferenceRenderServer.Faults(Hang: true));
        var batch = await researcher.StartBatchAsync(studyId, OnePromptBothConditions(serverId));
        await BothRunningAsync(researcher, batch.BatchId);

        await _server.InjectAsync(new ReferenceRenderServer.Faults());
        await _server.RestartAsync();
        var progress = await researcher.WaitForBatchAsync(batch.BatchId);

        (progress.Succeeded, progress.Failed).Should().Be((2, 0));
        progress.JobList.Should().OnlyContain(j => j.Attempts == 2, "each job was submitted again after the restart");
        (await researcher.WaitForVideosAsync(studyId)).Should().HaveCount(2);
        (await fixture.Factory.UploadsAsync()).Should().BeEmpty("the downloads became the two videos and nothing else");
    }

    [Theory]
    [InlineData(ServerProtocol.OpenAiVideos)]
    [InlineData(ServerProtocol.ComfyUi)]
    public async Task Cancelling_a_batch_stops_its_jobs_and_tells_the_server(ServerProtocol protocol)
    {
        var (researcher, studyId, serverId) = await StudyWithServerAsync(protocol);
        await _server.InjectAsync(new ReferenceRenderServer.Faults(Hang: true));
        try
        {
            var batch = await researcher.StartBatchAsync(studyId, OnePromptBothConditions(serverId));
            await BothRunningAsync(researcher, batch.BatchId);
            var before = await _server.StatsAsync();

            (await researcher.PostAsync($"/api/generation/batches/{batch.BatchId}/cancel", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
            var progress = await researcher.WaitForBatchAsync(batch.BatchId);

            progress.CancelledJobs.Should().Be(2);
            // Each job records its cancellation, then tells the server: the server hears a moment after the batch shows it.
            var told = await Eventually.ReturnsAsync(_server.StatsAsync, stats => stats.Cancelled >= before.Cancelled + 2,
                "the server was told of both cancellations", TimeSpan.FromSeconds(30), stats => $"{stats.Cancelled - before.Cancelled} told");
            told.Cancelled.Should().Be(before.Cancelled + 2);
        }
        finally
        {
            await _server.InjectAsync(new ReferenceRenderServer.Faults());
        }
    }

    /// <summary>
    /// Two minutes: on a loaded two-core machine a run's first attempt can fail (an HTTP timeout), and Hangfire's retry
    /// comes 20–45 s later plus up to 15 s before its scheduler moves it to the queue.
    /// </summary>
    private static readonly TimeSpan Retried = TimeSpan.FromMinutes(2);

    private static Task BothRunningAsync(HttpClient researcher, Guid batchId) =>
        Eventually.HoldsAsync(async () => (await researcher.GetFromJsonAsync<BatchProgress>($"/api/generation/batches/{batchId}", ApiClient.Json))!.Running == 2,
            "both jobs run on the server", Retried);
}
