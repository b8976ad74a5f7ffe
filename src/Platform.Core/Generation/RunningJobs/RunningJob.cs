using static Platform.Generation.Observation;

namespace Platform.Generation;

/// <summary>
/// The life of a generation job as a state machine: given where a run is and what its last action found, the events
/// to record and the next action. Pure (no HTTP, no database, the time given), so the web app's Hangfire job only
/// performs what this decides. The slot a run holds is given back as soon as the server reports completion.
/// </summary>
public static partial class RunningJob
{
    public static Decision Decide(JobRun run, Observation observation, DateTimeOffset now)
    {
        // Ended meanwhile (a cancellation, or a run's own last event): nothing is left to do.
        if (run.Job.IsFinished) return Next(run, new JobAction.Stop());
        return observation switch
        {
            Started => Next(run with { Stage = RunStage.Starting }, new JobAction.Check()),
            Checked facts => OnChecked(run, facts, now),
            SlotTaken => Next(run with { Stage = RunStage.Admitted }, new JobAction.Check()),
            NoSlot => Next(run, new JobAction.RunAgainLater(run.Limits.SlotWait)),
            Submitted submitted => OnSubmitted(run, submitted, now),
            Busy busy => OnBusy(run, busy),
            Refused refused => Fail(run, refused.Reason, now),
            Waited => Next(run, run.Stage == RunStage.Submitting ? new JobAction.Submit() : new JobAction.Check()),
            StillRunning => Next(run with { ErrorsInARow = 0 }, new JobAction.Wait(PollPause(run, now))),
            Completed => OnCompleted(run, now),
            FailedThere failed => Fail(run, failed.Reason, now),
            Lost => OnLost(run, now),
            Unanswered unanswered => OnUnanswered(run, unanswered, now),
            SlotReleased => Next(run, Download(run)),
            Downloaded => Next(run with { Stage = RunStage.Registering }, new JobAction.Register(GenerationJob.CandidateId(run.Job.Id))),
            DownloadCut cut => OnDownloadFailed(run, cut.Reason, now),
            DownloadTimedOut => OnDownloadFailed(run, $"The download did not finish within {run.Limits.DownloadTimeout.TotalMinutes:0.#} minutes.", now),
            Registered or AlreadyRegistered => Succeed(run, now),
            VideoRefused refused => Fail(run, "The server's video was refused: " + refused.Reason, now),
            Broke broke => Fail(run, broke.Reason, now),
            Done => Next(run, new JobAction.Stop()),
            _ => throw new ArgumentOutOfRangeException(nameof(observation), observation, "No rule for this observation."),
        };
    }

    /// <summary>
    /// Before the slot: a retired server or a cancelled batch ends the job. With the slot: the same again (it may have
    /// waited long), then submission or polling. While polling only a cancellation counts: a job its server already
    /// runs is let finish when the server is retired.
    /// </summary>
    private static Decision OnChecked(JobRun run, Checked facts, DateTimeOffset now)
    {
        run = run with { RecentSeconds = facts.RecentSeconds };
        if (run.Stage != RunStage.Polling && facts.ServerRetired is { } retired) return Fail(run, retired, now);
        if (facts.JobCancelled || facts.BatchCancelled) return Cancel(run, now);
        return run.Stage switch
        {
            RunStage.Starting => Next(run with { Stage = RunStage.WaitingForSlot }, new JobAction.TakeSlot(run.Limits.SlotWait)),
            RunStage.Admitted when run.Job.State == JobState.Queued => Submit(run),
            _ => PollUnlessTimedOut(run with { Stage = RunStage.Polling }, now),
        };
    }

    private static Decision OnSubmitted(JobRun run, Submitted submitted, DateTimeOffset now)
    {
        var job = run.Job;
        object[] events = job.State == JobState.Queued ? [new GenerationJobSubmitted(job.Id, submitted.RemoteId, job.Attempts + 1, now)] : [];
        // Polled at once: a cancellation or a quick job is noticed before the first pause.
        return new Decision(run with { Stage = RunStage.Polling, ErrorsInARow = 0 }, events, new JobAction.Check());
    }

    /// <summary>
    /// At submission back-pressure is waited out with the slot held, up to <see cref="RunLimits.BusyHold"/>, then the
    /// run gives the slot back and comes again later; while polling the job keeps its slot and asks again later; at
    /// the download (the slot given back already) the run comes again later.
    /// </summary>
    private static Decision OnBusy(JobRun run, Busy busy)
    {
        var wait = busy.RetryAfter ?? run.Limits.BusyWait;
        return run.Stage switch
        {
            RunStage.Submitting when run.BusyWaited + wait <= run.Limits.BusyHold =>
                Next(run with { BusyWaited = run.BusyWaited + wait }, new JobAction.Wait(wait)),
            RunStage.Polling => Next(run, new JobAction.Wait(wait < RunLimits.LongestBusyPause ? wait : RunLimits.LongestBusyPause)),
            _ => Next(run, new JobAction.RunAgainLater(wait)),
        };
    }

    /// <summary>Polls run as <see cref="PollSchedule"/> says until the server is done or the job times out.</summary>
    private static Decision PollUnlessTimedOut(JobRun run, DateTimeOffset now)
    {
        if (now > (run.Job.SubmittedAt ?? now) + run.Limits.JobTimeout)
        {
            var reason = $"The server did not finish within {run.Limits.JobTimeout.TotalMinutes:0.#} minutes.";
            return Finish(run, new GenerationJobFailed(run.Job.Id, reason, now), new JobAction.CancelRemote(run.Job.RemoteId!));
        }
        return Next(run, new JobAction.Poll(run.Job.RemoteId!));
    }

    private static Decision OnUnanswered(JobRun run, Unanswered unanswered, DateTimeOffset now)
    {
        var errors = run.ErrorsInARow + 1;
        if (errors >= run.Limits.MaxErrorsInARow) return Fail(run, $"The server did not answer {errors} times in a row: {unanswered.Reason}", now);
        return Next(run with { ErrorsInARow = errors }, new JobAction.Wait(PollPause(run, now)));
    }

    private static TimeSpan PollPause(JobRun run, DateTimeOffset now) =>
        PollSchedule.Next(now - (run.Job.SubmittedAt ?? now), run.RecentSeconds, run.Limits.ShortestPoll, run.Limits.LongestPoll);
}
