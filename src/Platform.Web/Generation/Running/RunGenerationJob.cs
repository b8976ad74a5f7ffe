using Hangfire;
using Hangfire.Server;
using Platform.Common;
using Platform.Generation;

namespace Platform.Web.Generation.Running;

/// <summary>
/// Hangfire job: generates one candidate video on its server and registers it in the study. Takes only the job id and
/// is safe to run again: it resumes from the job's stream (a submitted job is polled, not submitted twice; the
/// candidate's id comes from the job's, so it is never registered twice), and two runs of one job never overlap.
/// What to do is decided by <see cref="RunningJob.Decide"/>; this loop performs it and reports back what it found.
/// </summary>
public sealed class RunGenerationJob(JobRunLocks locks, JobStore store, JobEffects effects, JobAnnouncements announcements, ILogger<RunGenerationJob> logger)
{
    public const string Queue = "generation";

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
        var run = await store.LoadAsync(jobId, cancellationToken);
        if (run is null || run.Job.IsFinished) return;
        try
        {
            await StepAsync(run, cancellationToken);
        }
        catch (DomainException refused)
        {
            // E.g. its server is gone: no retry changes that.
            await store.DecideAsync(run, new Observation.Broke(refused.Message), CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException && (context?.GetJobParameter<int>("RetryCount") ?? Attempts) >= Attempts)
        {
            logger.LogError(e, "Generation job {JobId} failed after {Attempts} attempts", jobId, Attempts + 1);
            await store.DecideAsync(run, new Observation.Broke($"Gave up after {Attempts + 1} attempts: {e.Message}"), CancellationToken.None);
        }
        finally
        {
            await announcements.AnnounceAsync(jobId);
        }
    }

    private async Task StepAsync(JobRun run, CancellationToken cancellationToken)
    {
        await using var perform = await effects.StartAsync(run.Job, cancellationToken);
        Observation? observation = new Observation.Started();
        while (observation is not null)
        {
            var decision = await store.DecideAsync(run, observation, cancellationToken);
            run = decision.Run;
            observation = await perform.PerformAsync(decision.Next, cancellationToken);
        }
    }
}
