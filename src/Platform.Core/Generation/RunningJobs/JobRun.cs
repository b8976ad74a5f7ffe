namespace Platform.Generation;

/// <summary>How long a run waits, polls and keeps trying (the web app binds them from the "Generation" settings).</summary>
/// <param name="SlotWait">How long a run waits for a free slot on its server before it is scheduled again.</param>
/// <param name="JobTimeout">Since the first submission: a job not finished on its server by then fails.</param>
/// <param name="MaxErrorsInARow">Polls in a row the server does not answer before the job fails.</param>
/// <param name="MaxResubmits">Times a job the server forgot (a restart) is submitted again before it fails.</param>
/// <param name="BusyWait">Wait after back-pressure without a Retry-After.</param>
/// <param name="BusyHold">How long back-pressure at submission is waited out with the slot held (so nothing else
/// of this platform is sent to the server meanwhile) before the run gives the slot back and is scheduled again.</param>
public sealed record RunLimits(
    TimeSpan SlotWait,
    TimeSpan JobTimeout,
    TimeSpan ShortestPoll,
    TimeSpan LongestPoll,
    int MaxErrorsInARow,
    int MaxResubmits,
    TimeSpan DownloadTimeout,
    TimeSpan BusyWait,
    TimeSpan BusyHold)
{
    /// <summary>A download cut short is tried again, up to this many attempts in all.</summary>
    public const int DownloadAttempts = 3;

    /// <summary>The job already runs on the server when it answers "busy" to a poll: ask again, at most this much later.</summary>
    public static readonly TimeSpan LongestBusyPause = TimeSpan.FromMinutes(1);
}

/// <summary>Where a run of a generation job is; what the next observation means depends on it.</summary>
public enum RunStage
{
    /// <summary>Nothing done yet: is the job still wanted?</summary>
    Starting,
    WaitingForSlot,
    /// <summary>A slot is held: the job may have waited long for it, so it is checked again before the server hears of it.</summary>
    Admitted,
    Submitting,
    Polling,
    /// <summary>The server reported the job done and its slot is given back.</summary>
    Downloading,
    Registering,
    /// <summary>The job's end is recorded; what is left is bookkeeping.</summary>
    Ending,
}

/// <summary>
/// One run of a generation job: the job as its stream has it, and what the run itself has to remember (waits,
/// errors and download attempts so far). A new run (a Hangfire retry or reschedule) starts again from the stream.
/// </summary>
public sealed record JobRun(GenerationJob Job, RunLimits Limits)
{
    public RunStage Stage { get; init; } = RunStage.Starting;

    /// <summary>Back-pressure waited out at this submission, with the slot held.</summary>
    public TimeSpan BusyWaited { get; init; }

    public int ErrorsInARow { get; init; }

    /// <summary>Downloads of the finished video that failed so far.</summary>
    public int FailedDownloads { get; init; }

    /// <summary>The server's time for the job (submission to reported completion), once it reported completion.</summary>
    public double? Seconds { get; init; }

    /// <summary>The server's recent job durations, oldest first, for <see cref="PollSchedule"/>.</summary>
    public IReadOnlyList<double> RecentSeconds { get; init; } = [];
}
