using System.Diagnostics;
using Platform.RenderServer.Rendering;

namespace Platform.RenderServer.Jobs;

/// <summary>One video job, shared by both protocols. State changes are guarded so a cancel cannot race a completion.</summary>
#pragma warning disable CA1001 // The token source has no timer and so nothing to release; the job's render task reads it until the end.
public sealed class RenderJob(JobDraft draft, int number, JobFaults faults, TimeSpan latency)
{
    private readonly Lock gate = new();
    private readonly long started = Stopwatch.GetTimestamp();
    private readonly CancellationTokenSource cancellation = new();
    private JobStatus status = JobStatus.Queued;
    private double frameShare;
    private int finalProgress;
    private DateTimeOffset? finishedAt;
    private JobError? error;

    public string Id { get; } = draft.Id;

    /// <summary>ComfyUI's queue number: counts submissions since the server (re)started.</summary>
    public int Number { get; } = number;

    public string FileName { get; } = draft.FileName;
    public RenderSettings Settings { get; } = draft.Settings;
    public ComfyWorkflow? Workflow { get; } = draft.Workflow;
    public JobFaults Faults { get; } = faults;
    public TimeSpan Latency { get; } = latency;
    public DateTimeOffset CreatedAt { get; } = DateTimeOffset.UtcNow;
    public CancellationToken Cancellation => cancellation.Token;
    public TimeSpan Age => Stopwatch.GetElapsedTime(started);

    /// <summary>
    /// Progress while rendering follows the slower of the frames encoded and the time spent out of the configured
    /// latency, so it rises steadily whether ffmpeg or the latency is the bottleneck; 100 only when completed.
    /// </summary>
    public JobSnapshot Snapshot()
    {
        lock (gate)
        {
            var progress = status switch
            {
                JobStatus.Queued => 0,
                JobStatus.InProgress => RunningProgress(),
                JobStatus.Completed => 100,
                _ => finalProgress,
            };
            return new JobSnapshot(status, progress, finishedAt, error);
        }
    }

    public void ReportFrames(double share)
    {
        lock (gate)
        {
            frameShare = Math.Max(frameShare, share);
        }
    }

    public bool Start() => Move(JobStatus.Queued, JobStatus.InProgress, null);

    public bool Complete() => Move(JobStatus.InProgress, JobStatus.Completed, null);

    public bool Fail(JobError reason) => Move(JobStatus.InProgress, JobStatus.Failed, reason) || Move(JobStatus.Queued, JobStatus.Failed, reason);

    /// <summary>Cancels a queued or running job; false when it had already finished.</summary>
    public bool Cancel()
    {
        var moved = Move(JobStatus.Queued, JobStatus.Cancelled, null) || Move(JobStatus.InProgress, JobStatus.Cancelled, null);
        if (moved)
        {
            cancellation.Cancel();
        }
        return moved;
    }

    private bool Move(JobStatus from, JobStatus to, JobError? reason)
    {
        lock (gate)
        {
            if (status != from)
            {
                return false;
            }
            if (to is JobStatus.Failed or JobStatus.Cancelled)
            {
                finalProgress = from == JobStatus.InProgress ? RunningProgress() : 0;
            }
            status = to;
            error = reason;
            if (to != JobStatus.InProgress)
            {
                finishedAt = DateTimeOffset.UtcNow;
            }
            return true;
        }
    }

    private int RunningProgress()
    {
        var timeShare = Latency <= TimeSpan.Zero ? 1 : Age / Latency;
        return (int)Math.Clamp(Math.Floor(100 * Math.Min(frameShare, timeShare)), 0, 99);
    }
}
#pragma warning restore CA1001
