namespace Platform.RenderServer.Jobs;

public enum JobStatus
{
    Queued,
    InProgress,
    Completed,
    Failed,
    Cancelled,
}

public sealed record JobError(string Code, string Message);

/// <summary>Faults decided when a job is submitted, so changing the fault settings later does not affect it.</summary>
public sealed record JobFaults(bool Fail, bool Hang)
{
    public static readonly JobFaults None = new(false, false);
}

/// <summary>A consistent view of a job's changing state.</summary>
public sealed record JobSnapshot(JobStatus Status, int Progress, DateTimeOffset? FinishedAt, JobError? Error)
{
    public bool IsFinished => Status is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled;
}
