namespace Platform.Generation;

/// <summary>What performing a <see cref="JobAction"/> found: the next input of <see cref="RunningJob.Decide"/>.</summary>
public abstract record Observation
{
    public sealed record Started : Observation;

    /// <param name="ServerRetired">Why the job cannot run, when its server was retired; null while it is in service.</param>
    /// <param name="RecentSeconds">The server's recent job durations, oldest first.</param>
    public sealed record Checked(bool JobCancelled, bool BatchCancelled, string? ServerRetired, IReadOnlyList<double> RecentSeconds) : Observation;

    public sealed record SlotTaken : Observation;

    /// <summary>No slot came free within <see cref="RunLimits.SlotWait"/>.</summary>
    public sealed record NoSlot : Observation;

    public sealed record Submitted(string RemoteId) : Observation;

    /// <summary>Back-pressure (429, 503, 409): come back later, after <paramref name="RetryAfter"/> when the server says.</summary>
    public sealed record Busy(TimeSpan? RetryAfter) : Observation;

    /// <summary>The server refused for good (a 4xx other than back-pressure).</summary>
    public sealed record Refused(string Reason) : Observation;

    public sealed record Waited : Observation;

    public sealed record StillRunning : Observation;

    public sealed record Completed : Observation;

    /// <summary>The server reports the job failed there.</summary>
    public sealed record FailedThere(string Reason) : Observation;

    /// <summary>The server no longer knows the job (it restarted and kept its jobs in memory).</summary>
    public sealed record Lost : Observation;

    /// <summary>A poll got no answer (after the HTTP client's own retries).</summary>
    public sealed record Unanswered(string Reason) : Observation;

    public sealed record SlotReleased : Observation;

    public sealed record Downloaded : Observation;

    /// <summary>The download broke off or came short of its announced length; nothing of it is kept.</summary>
    public sealed record DownloadCut(string Reason) : Observation;

    public sealed record DownloadTimedOut : Observation;

    public sealed record Registered : Observation;

    /// <summary>A run before this one registered the candidate and stopped before recording its success.</summary>
    public sealed record AlreadyRegistered : Observation;

    /// <summary>The study refused the video like any upload (too large, not a video, …).</summary>
    public sealed record VideoRefused(string Reason) : Observation;

    /// <summary>An error no rule covers ended the run for good (a refusal no retry changes, or its last attempt).</summary>
    public sealed record Broke(string Reason) : Observation;

    /// <summary>A best-effort or bookkeeping action ended, whatever came of it.</summary>
    public sealed record Done : Observation;
}
