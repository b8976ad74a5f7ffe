namespace Platform.Generation;

/// <summary>What a run does next; performing it gives the next <see cref="Observation"/>.</summary>
public abstract record JobAction
{
    /// <summary>Looks at the job's batch and server (and the job itself) again.</summary>
    public sealed record Check : JobAction;

    public sealed record TakeSlot(TimeSpan Within) : JobAction;

    public sealed record Submit : JobAction;

    /// <summary>Waits, keeping the slot.</summary>
    public sealed record Wait(TimeSpan Delay) : JobAction;

    public sealed record Poll(string RemoteId) : JobAction;

    /// <summary>Gives the server's slot back: its GPU is free, the download does not need it.</summary>
    public sealed record ReleaseSlot : JobAction;

    public sealed record Download(string RemoteId, TimeSpan Timeout) : JobAction;

    /// <summary>Registers the downloaded video in the study, like an upload, as the candidate <paramref name="VideoId"/>.</summary>
    public sealed record Register(Guid VideoId) : JobAction;

    /// <summary>Asks the server to drop the job, best effort (it may be gone).</summary>
    public sealed record CancelRemote(string RemoteId) : JobAction;

    /// <summary>Adds the job's duration to the server's recent ones (estimates, polling).</summary>
    public sealed record RecordDuration(double Seconds) : JobAction;

    /// <summary>Ends this run (its slot given back) and schedules a new one.</summary>
    public sealed record RunAgainLater(TimeSpan After) : JobAction;

    /// <summary>Ends this run.</summary>
    public sealed record Stop : JobAction;
}

/// <summary>The events to append to the job's stream (in this order, before the action) and the next action.</summary>
public sealed record Decision(JobRun Run, IReadOnlyList<object> Events, JobAction Next);
