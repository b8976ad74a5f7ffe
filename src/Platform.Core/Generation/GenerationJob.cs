namespace Platform.Generation;

public enum JobState
{
    Queued,
    Submitted,
    Succeeded,
    Failed,
    Cancelled,
}

public sealed record GenerationJobQueued(Guid JobId, Guid BatchId, Guid StudyId, PlannedJob Job, DateTimeOffset At);

/// <param name="RemoteId">The server's id for the job (ComfyUI: the prompt_id we chose; OpenAI-style: the id it returned).</param>
public sealed record GenerationJobSubmitted(Guid JobId, string RemoteId, int Attempt, DateTimeOffset At);

/// <summary>The server no longer knows the job (it restarted and kept its jobs in memory): it is submitted again.</summary>
public sealed record GenerationJobLost(Guid JobId, string RemoteId, DateTimeOffset At);

public sealed record GenerationJobSucceeded(Guid JobId, Guid VideoId, double Seconds, DateTimeOffset At);

public sealed record GenerationJobFailed(Guid JobId, string Reason, DateTimeOffset At);

public sealed record GenerationJobCancelled(Guid JobId, DateTimeOffset At);

/// <summary>One video being generated on one server, folded from its own stream.</summary>
public sealed class GenerationJob
{
    public Guid Id { get; set; }
    public Guid BatchId { get; set; }
    public Guid StudyId { get; set; }
    public PlannedJob Spec { get; set; } = default!;
    public JobState State { get; set; }
    public string? RemoteId { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset QueuedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string? Reason { get; set; }
    public Guid? VideoId { get; set; }
    public double? Seconds { get; set; }

    public bool IsFinished => State is JobState.Succeeded or JobState.Failed or JobState.Cancelled;

    /// <summary>The candidate a job registers has an id of its own making, so it can never be registered twice.</summary>
    public static Guid CandidateId(Guid jobId) => Common.StableId.From("generated", jobId);

    public static GenerationJob Create(GenerationJobQueued e) => new()
    {
        Id = e.JobId,
        BatchId = e.BatchId,
        StudyId = e.StudyId,
        Spec = e.Job,
        State = JobState.Queued,
        QueuedAt = e.At,
    };

    public void Apply(GenerationJobSubmitted e)
    {
        State = JobState.Submitted;
        RemoteId = e.RemoteId;
        Attempts = e.Attempt;
        SubmittedAt ??= e.At;
    }

    public void Apply(GenerationJobLost _)
    {
        State = JobState.Queued;
        RemoteId = null;
    }

    public void Apply(GenerationJobSucceeded e)
    {
        State = JobState.Succeeded;
        VideoId = e.VideoId;
        Seconds = e.Seconds;
        FinishedAt = e.At;
    }

    public void Apply(GenerationJobFailed e)
    {
        State = JobState.Failed;
        Reason = e.Reason;
        FinishedAt = e.At;
    }

    public void Apply(GenerationJobCancelled e)
    {
        State = JobState.Cancelled;
        FinishedAt = e.At;
    }
}
