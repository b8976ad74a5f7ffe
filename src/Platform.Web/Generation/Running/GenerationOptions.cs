using Platform.Generation;

namespace Platform.Web.Generation.Running;

/// <summary>How generation jobs wait, poll and give up (section "Generation").</summary>
public sealed class GenerationOptions
{
    /// <summary>Hangfire workers for generation jobs in a worker process (they mostly wait on servers).</summary>
    public int Workers { get; set; } = 20;

    /// <summary>How long a job waits for a free slot on its server before it is rescheduled.</summary>
    public TimeSpan SlotWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A job that has not finished on its server this long after submission fails.</summary>
    public TimeSpan JobTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The pause between polls around a job's expected end (see <see cref="PollSchedule"/>).</summary>
    public TimeSpan ShortestPoll { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest pause between polls (a sleep before the expected end, a long-overdue job).</summary>
    public TimeSpan LongestPoll { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Failed calls in a row (after the HTTP client's own retries) before the job fails.</summary>
    public int MaxErrorsInARow { get; set; } = 5;

    /// <summary>Times a job the server forgot (a restart) is submitted again before it fails.</summary>
    public int MaxResubmits { get; set; } = 3;

    /// <summary>A finished video's download may take this long before it counts as failed.</summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Wait after back-pressure without a Retry-After.</summary>
    public TimeSpan BusyWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a job refused with back-pressure at submission waits it out with its slot held (so this platform sends
    /// the server nothing new meanwhile) before it gives the slot back and is rescheduled.
    /// </summary>
    public TimeSpan BusyHold { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>These settings as the rules of a run (<see cref="RunningJob"/>).</summary>
    public RunLimits Limits => new(SlotWait, JobTimeout, ShortestPoll, LongestPoll, MaxErrorsInARow, MaxResubmits, DownloadTimeout, BusyWait, BusyHold);
}
