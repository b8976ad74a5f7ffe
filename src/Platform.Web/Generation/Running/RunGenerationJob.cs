using Hangfire;
using Hangfire.Server;
using MassTransit;
using Platform.Web.Generation.Following;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using Platform.Common;
using Platform.Web.Generation.Protocols;
using Platform.Web.Generation.Servers;
using Platform.Web.Hosting;
using Platform.Web.Hosting.Database;
using Platform.Studies;
using Platform.Web.Studies;

using Platform.Generation;
namespace Platform.Web.Generation.Running;

/// <summary>
/// Hangfire job: generates one candidate video on its server and registers it in the study. Takes only the job id and
/// is safe to run again: it resumes from the job's stream (a submitted job is polled, not submitted twice; the
/// candidate's id comes from the job's, so it is never registered twice), and two runs of one job never overlap.
/// </summary>
public sealed class RunGenerationJob(
    IDocumentStore store, ServerRegistry servers, IEnumerable<IVideoServerClient> clients, ServerSlots slots, JobRunLocks locks, VideoUploads uploads,
    Storage storage, IBackgroundJobClient jobs, IBus bus, IOptions<GenerationOptions> options, TimeProvider clock, ILogger<RunGenerationJob> logger)
{
    public const string Queue = "generation";
    private GenerationOptions Options => options.Value;

    public const int Attempts = 3;

    /// <param name="context">Hangfire's, to know the attempt; on the last one an unexpected error fails the job with
    /// its message instead of leaving it waiting forever.</param>
    [Queue(Queue)]
    [AutomaticRetry(Attempts = Attempts)]
    public async Task RunAsync(Guid jobId, PerformContext? context, CancellationToken cancellationToken)
    {
        await using var running = await locks.TryTakeAsync(jobId, cancellationToken);
        if (running is null)
        {
            logger.LogInformation("Generation job {JobId} is being run elsewhere; this run leaves it", jobId);
            return;
        }
        var job = await LoadAsync(jobId, cancellationToken);
        if (job is null || job.IsFinished) return;
        try
        {
            await RunAsync(job, cancellationToken);
        }
        catch (DomainException refused)
        {
            // E.g. its server was retired: no retry changes that.
            await FailAsync(jobId, refused.Message, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException && (context?.GetJobParameter<int>("RetryCount") ?? Attempts) >= Attempts)
        {
            logger.LogError(e, "Generation job {JobId} failed after {Attempts} attempts", jobId, Attempts + 1);
            await FailAsync(jobId, $"Gave up after {Attempts + 1} attempts: {e.Message}", CancellationToken.None);
        }
        finally
        {
            await AnnounceAsync(jobId);
        }
    }

    private async Task RunAsync(GenerationJob job, CancellationToken cancellationToken)
    {
        var jobId = job.Id;
        var server = await servers.ConnectionAsync(job.Spec.ServerId, cancellationToken);
        var client = clients.Single(c => c.Protocol == server.Settings.Protocol);
        if (await BatchCancelledAsync(job, cancellationToken))
        {
            await CancelAsync(job, server, client, cancellationToken);
            return;
        }

        IAsyncDisposable? slot = null;
        try
        {
            while (true)
            {
                slot = await slots.AcquireAsync(server.Id, server.Settings.MaxConcurrentJobs, Options.SlotWait, cancellationToken);
                if (slot is null)
                {
                    jobs.Schedule<RunGenerationJob>(j => j.RunAsync(jobId, null, CancellationToken.None), Options.SlotWait);
                    return;
                }
                // A job may wait long for its slot: the batch may have been cancelled, or the server retired, meanwhile.
                var (retired, cancelled) = await StillWantedAsync(job, cancellationToken);
                if (retired) throw ServerRegistry.Retired(server.Settings.Name);
                if (cancelled)
                {
                    await CancelAsync(job, server, client, cancellationToken);
                    return;
                }
                if (!await GenerateAsync(job, server, client, slot, cancellationToken)) return;
                // The server lost the finished video before we fetched it: the job is queued again and needs a slot.
                await slot.DisposeAsync();
                job = (await LoadAsync(jobId, cancellationToken))!;
            }
        }
        catch (ServerBusyException busy)
        {
            logger.LogInformation("Server {Server} is busy ({Reason}); job {JobId} waits", server.Settings.Name, busy.Message, jobId);
            jobs.Schedule<RunGenerationJob>(j => j.RunAsync(jobId, null, CancellationToken.None), busy.RetryAfter ?? Options.BusyWait);
        }
        catch (ServerRefusedException refused)
        {
            await FailAsync(jobId, refused.Message, cancellationToken);
        }
        finally
        {
            if (slot is not null) await slot.DisposeAsync();
        }
    }

    /// <returns>True when the server lost the job after finishing it and the job is queued again (it needs a slot
    /// again: this one was freed at completion); false when this run is done with the job.</returns>
    private async Task<bool> GenerateAsync(GenerationJob job, ServerConnection server, IVideoServerClient client, IAsyncDisposable slot, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (job.State == JobState.Queued)
            {
                var remoteId = await SubmitAsync(job, server, client, cancellationToken);
                job = await AppendAsync(job.Id, j => j.State == JobState.Queued ? new GenerationJobSubmitted(j.Id, remoteId, j.Attempts + 1, clock.GetUtcNow()) : null, cancellationToken);
                if (job.State != JobState.Submitted) return false;
            }

            var outcome = await WaitAsync(job, server, client, cancellationToken);
            switch (outcome)
            {
                case RemoteStatus.Completed:
                    if (await CompleteAsync(job, server, client, slot, cancellationToken)) return false;
                    return await LostAsync(job, server, cancellationToken);
                case RemoteStatus.Failed failed:
                    await FailAsync(job.Id, failed.Reason, cancellationToken);
                    return false;
                case RemoteStatus.Lost:
                    if (!await LostAsync(job, server, cancellationToken)) return false;
                    job = (await LoadAsync(job.Id, cancellationToken))!;
                    continue;
                default:
                    return false; // cancelled while waiting
            }
        }
    }

    /// <summary>
    /// Submits the job, waiting out back-pressure (its Retry-After, else <see cref="GenerationOptions.BusyWait"/>) with
    /// the slot held, so no other job of this platform is sent meanwhile; past <see cref="GenerationOptions.BusyHold"/>
    /// the refusal goes up and the job is rescheduled without its slot.
    /// </summary>
    private async Task<string> SubmitAsync(GenerationJob job, ServerConnection server, IVideoServerClient client, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        while (true)
        {
            try
            {
                return await client.SubmitAsync(server, new RemoteRequest(job.Id.ToString(), job.Spec.Prompt, job.Spec.Seed, job.Spec.Settings), cancellationToken);
            }
            catch (ServerBusyException busy) when (waited + (busy.RetryAfter ?? Options.BusyWait) <= Options.BusyHold)
            {
                var wait = busy.RetryAfter ?? Options.BusyWait;
                logger.LogInformation("Server {Server} is busy ({Reason}); job {JobId} waits {Seconds} s with its slot", server.Settings.Name, busy.Message, job.Id, wait.TotalSeconds);
                await Task.Delay(wait, clock, cancellationToken);
                waited += wait;
            }
        }
    }

    /// <summary>
    /// The server no longer knows the job (a restart): it is queued to be submitted again, up to
    /// <see cref="GenerationOptions.MaxResubmits"/> times over its life, then fails.
    /// </summary>
    /// <returns>True when it is queued again.</returns>
    private async Task<bool> LostAsync(GenerationJob job, ServerConnection server, CancellationToken cancellationToken)
    {
        if (job.Attempts > Options.MaxResubmits)
        {
            await FailAsync(job.Id, $"The server lost the job {job.Attempts} times (restarts?); giving up.", cancellationToken);
            return false;
        }
        logger.LogWarning("Server {Server} lost job {JobId} (restarted?); submitting it again", server.Settings.Name, job.Id);
        var queued = await AppendAsync(job.Id, j => j.State == JobState.Submitted ? new GenerationJobLost(j.Id, j.RemoteId!, clock.GetUtcNow()) : null, cancellationToken);
        return queued.State == JobState.Queued;
    }

    /// <summary>
    /// Polls (around the end the server's recent jobs predict, see <see cref="PollSchedule"/>) until the server is done,
    /// the job is cancelled here, or it times out.
    /// </summary>
    private async Task<RemoteStatus?> WaitAsync(GenerationJob job, ServerConnection server, IVideoServerClient client, CancellationToken cancellationToken)
    {
        var errors = 0;
        var submitted = job.SubmittedAt ?? clock.GetUtcNow();
        var deadline = submitted + Options.JobTimeout;
        var recent = await RecentDurationsAsync(server.Id, cancellationToken);
        while (true)
        {
            var current = await LoadAsync(job.Id, cancellationToken);
            if (current is null || current.State == JobState.Cancelled || await BatchCancelledAsync(job, cancellationToken))
            {
                await CancelAsync(job, server, client, cancellationToken);
                return null;
            }
            if (clock.GetUtcNow() > deadline)
            {
                await TryAsync(() => client.CancelAsync(server, job.RemoteId!, cancellationToken));
                return new RemoteStatus.Failed($"The server did not finish within {Options.JobTimeout.TotalMinutes:0.#} minutes.");
            }
            try
            {
                var status = await client.StatusAsync(server, job.RemoteId!, cancellationToken);
                if (status is not RemoteStatus.Pending) return status;
                errors = 0;
            }
            catch (ServerBusyException busy)
            {
                // The job runs there already: keep its slot and ask again later (at most a minute later).
                var wait = busy.RetryAfter ?? Options.BusyWait;
                await Task.Delay(wait < TimeSpan.FromMinutes(1) ? wait : TimeSpan.FromMinutes(1), clock, cancellationToken);
                continue;
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                if (++errors >= Options.MaxErrorsInARow)
                    return new RemoteStatus.Failed($"The server did not answer {errors} times in a row: {e.Message}");
            }
            await Task.Delay(PollSchedule.Next(clock.GetUtcNow() - submitted, recent, Options.ShortestPoll, Options.LongestPoll), clock, cancellationToken);
        }
    }

    /// <summary>
    /// Frees the server's slot as soon as the server reports the job done (its GPU is free: fetching the file does not
    /// occupy it, so the next job renders while this one downloads), then downloads (length-checked, to a temporary
    /// file), checks and registers the video like an upload.
    /// </summary>
    /// <returns>False when the server no longer has the video (nothing is recorded then).</returns>
    private async Task<bool> CompleteAsync(GenerationJob job, ServerConnection server, IVideoServerClient client, IAsyncDisposable slot, CancellationToken cancellationToken)
    {
        // The server's part ends here: its time (for estimates and polling) and its slot.
        var seconds = (clock.GetUtcNow() - (job.SubmittedAt ?? clock.GetUtcNow())).TotalSeconds;
        await slot.DisposeAsync();
        // A name of this run's own, so two runs of one job (a Hangfire redelivery) never share a file.
        var download = Path.Combine(storage.Uploads, $"{job.Id:N}.{Guid.NewGuid():N}.download");
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    timeout.CancelAfter(Options.DownloadTimeout);
                    try
                    {
                        await client.DownloadAsync(server, job.RemoteId!, download, timeout.Token);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        throw new DownloadException($"The download did not finish within {Options.DownloadTimeout.TotalMinutes:0.#} minutes.");
                    }
                    break;
                }
                catch (JobLostException lost)
                {
                    logger.LogWarning("Server {Server} no longer has the finished job {JobId}: {Reason}", server.Settings.Name, job.Id, lost.Message);
                    return false;
                }
                catch (Exception cut) when (cut is IOException or HttpRequestException && attempt < 3)
                {
                    logger.LogWarning("Download of job {JobId} failed ({Reason}); trying again", job.Id, cut.Message);
                }
                catch (Exception cut) when (cut is IOException or HttpRequestException)
                {
                    await FailAsync(job.Id, cut.Message, cancellationToken);
                    return true;
                }
            }

            var videoId = GenerationJob.CandidateId(job.Id);
            var batch = await LoadBatchAsync(job.BatchId, cancellationToken);
            try
            {
                await using var file = File.OpenRead(download);
                await uploads.AddAsync(new VideoUpload(job.StudyId, job.Spec.Condition, job.Spec.Prompt, job.Spec.Task, job.Spec.Seed,
                    $"{job.Spec.Condition}-seed{job.Spec.Seed}.mp4", file.Length, batch?.By ?? Guid.Empty, videoId), file, cancellationToken);
            }
            catch (DomainException refused)
            {
                await FailAsync(job.Id, "The server's video was refused: " + refused.Message, cancellationToken);
                return true;
            }
            catch (ExistingStreamIdCollisionException)
            {
                // A run before this one registered it and stopped before recording success.
            }
            await FinishAsync(job.Id, j => new GenerationJobSucceeded(j.Id, videoId, seconds, clock.GetUtcNow()), cancellationToken);
            await RecordDurationAsync(server.Id, seconds, cancellationToken);
            return true;
        }
        finally
        {
            File.Delete(download);
        }
    }

    /// <summary>Tells the web side how a job ended, and when it was its batch's last.</summary>
    private async Task AnnounceAsync(Guid jobId)
    {
        var job = await LoadAsync(jobId, CancellationToken.None);
        if (job is not { IsFinished: true }) return;
        if (job.State == JobState.Failed)
            await bus.Publish(new GenerationFailed(job.StudyId, job.BatchId, job.Id, job.Reason ?? ""));
        await using var session = store.QuerySession();
        var states = await session.Query<GenerationJob>().Where(j => j.BatchId == job.BatchId).Select(j => j.State).ToListAsync();
        if (states.All(s => s is JobState.Succeeded or JobState.Failed or JobState.Cancelled))
        {
            await bus.Publish(new BatchCompleted(job.StudyId, job.BatchId,
                states.Count(s => s == JobState.Succeeded), states.Count(s => s == JobState.Failed), states.Count(s => s == JobState.Cancelled)));
        }
    }

    /// <summary>Records the cancellation first, then tells the server if it has the job (best effort).</summary>
    private async Task CancelAsync(GenerationJob job, ServerConnection server, IVideoServerClient client, CancellationToken cancellationToken)
    {
        await FinishAsync(job.Id, _ => new GenerationJobCancelled(job.Id, clock.GetUtcNow()), cancellationToken);
        if (job.RemoteId is { } remoteId) await TryAsync(() => client.CancelAsync(server, remoteId, cancellationToken));
    }

    private Task<GenerationJob> FailAsync(Guid jobId, string reason, CancellationToken cancellationToken) =>
        FinishAsync(jobId, j => new GenerationJobFailed(j.Id, reason, clock.GetUtcNow()), cancellationToken);

    /// <summary>Appends a final event unless the job already finished (cancelled meanwhile, say).</summary>
    private Task<GenerationJob> FinishAsync(Guid jobId, Func<GenerationJob, object> decide, CancellationToken cancellationToken) =>
        AppendAsync(jobId, j => j.IsFinished ? null : decide(j), cancellationToken);

    private async Task<GenerationJob> AppendAsync(Guid jobId, Func<GenerationJob, object?> decide, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await store.DecideAsync<GenerationJob>(jobId, (_, job) => Task.FromResult(decide(job)), () => new DomainException("No such job.", DomainError.NotFound), cancellationToken);
                return (await LoadAsync(jobId, cancellationToken))!;
            }
            catch (JasperFx.ConcurrencyException) when (attempt < 3)
            {
                // Someone (a cancellation) wrote first: decide again on what is there now.
            }
        }
    }

    private Task<ServerHealth> RecordDurationAsync(Guid serverId, double seconds, CancellationToken cancellationToken) =>
        ServerHealthRecords.UpdateAsync(store, serverId, health => health.AddDuration(seconds), cancellationToken);

    private async Task<IReadOnlyList<double>> RecentDurationsAsync(Guid serverId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return (await session.LoadAsync<ServerHealth>(serverId, cancellationToken))?.RecentSeconds ?? [];
    }

    private async Task<GenerationJob?> LoadAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<GenerationJob>(jobId, cancellationToken);
    }

    private async Task<GenerationBatch?> LoadBatchAsync(Guid batchId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<GenerationBatch>(batchId, cancellationToken);
    }

    /// <summary>Its server retired? Its batch cancelled? In one round trip: it sits between a freed slot and the next submission.</summary>
    private async Task<(bool Retired, bool Cancelled)> StillWantedAsync(GenerationJob job, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var batch = session.CreateBatchQuery();
        var server = batch.Load<InferenceServer>(job.Spec.ServerId);
        var generation = batch.Load<GenerationBatch>(job.BatchId);
        await batch.Execute(cancellationToken);
        return ((await server)?.Retired ?? true, (await generation)?.Cancelled == true);
    }

    private async Task<bool> BatchCancelledAsync(GenerationJob job, CancellationToken cancellationToken) =>
        (await LoadBatchAsync(job.BatchId, cancellationToken))?.Cancelled == true;

    private static async Task TryAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException or ServerBusyException or ServerRefusedException)
        {
            // Best effort: the server may be gone.
        }
    }
}
