namespace Platform.Generation;

public static partial class RunningJob
{
    /// <summary>The server's part ends here: its time is taken, and its slot given back before the download.</summary>
    private static Decision OnCompleted(JobRun run, DateTimeOffset now) =>
        Next(run with { Stage = RunStage.Downloading, FailedDownloads = 0, Seconds = (now - (run.Job.SubmittedAt ?? now)).TotalSeconds },
            new JobAction.ReleaseSlot());

    private static JobAction.Download Download(JobRun run) => new(run.Job.RemoteId!, run.Limits.DownloadTimeout);

    private static Decision OnDownloadFailed(JobRun run, string reason, DateTimeOffset now)
    {
        var failed = run.FailedDownloads + 1;
        return failed < RunLimits.DownloadAttempts ? Next(run with { FailedDownloads = failed }, Download(run)) : Fail(run, reason, now);
    }

    /// <summary>
    /// The server forgot the job (a restart): it is queued and submitted again, up to <see cref="RunLimits.MaxResubmits"/>
    /// times over its life, then fails. While polling the run still holds the slot; after completion it gave it back,
    /// so it waits for one again.
    /// </summary>
    private static Decision OnLost(JobRun run, DateTimeOffset now)
    {
        var job = run.Job;
        if (job.Attempts > run.Limits.MaxResubmits) return Fail(run, $"The server lost the job {job.Attempts} times (restarts?); giving up.", now);
        var lost = new GenerationJobLost(job.Id, job.RemoteId ?? "", now);
        return run.Stage == RunStage.Downloading
            ? new Decision(run with { Stage = RunStage.WaitingForSlot }, [lost], new JobAction.TakeSlot(run.Limits.SlotWait))
            : new Decision(run with { Stage = RunStage.Submitting, BusyWaited = TimeSpan.Zero }, [lost], new JobAction.Submit());
    }

    private static Decision Submit(JobRun run) =>
        Next(run with { Stage = RunStage.Submitting, BusyWaited = TimeSpan.Zero }, new JobAction.Submit());

    private static Decision Succeed(JobRun run, DateTimeOffset now)
    {
        var seconds = run.Seconds ?? 0;
        return Finish(run, new GenerationJobSucceeded(run.Job.Id, GenerationJob.CandidateId(run.Job.Id), seconds, now), new JobAction.RecordDuration(seconds));
    }

    /// <summary>Records the cancellation first, then tells the server if it has the job.</summary>
    private static Decision Cancel(JobRun run, DateTimeOffset now) =>
        Finish(run, new GenerationJobCancelled(run.Job.Id, now), run.Job.RemoteId is { } remoteId ? new JobAction.CancelRemote(remoteId) : new JobAction.Stop());

    private static Decision Fail(JobRun run, string reason, DateTimeOffset now) =>
        Finish(run, new GenerationJobFailed(run.Job.Id, reason, now), new JobAction.Stop());

    private static Decision Finish(JobRun run, object final, JobAction next) => new(run with { Stage = RunStage.Ending }, [final], next);

    private static Decision Next(JobRun run, JobAction next) => new(run, [], next);
}
