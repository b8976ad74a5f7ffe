using Platform.Generation;
using Platform.Tests.Studies;
using static Platform.Generation.Observation;

namespace Platform.Tests.Generation;

/// <summary>
/// A run of one generation job, taken through <see cref="RunningJob.Decide"/> as the web app's Hangfire job does:
/// each observation is decided on, and the decided events are applied to the job before the next. The Given steps
/// below bring a run to a named point; <see cref="When"/> is the step under test.
/// </summary>
internal sealed class ARun
{
    public const string RemoteId = "remote-1";

    public static readonly RunLimits Limits = new(
        SlotWait: TimeSpan.FromSeconds(10), JobTimeout: TimeSpan.FromMinutes(30), ShortestPoll: TimeSpan.FromMilliseconds(100),
        LongestPoll: TimeSpan.FromSeconds(5), MaxErrorsInARow: 5, MaxResubmits: 3, DownloadTimeout: TimeSpan.FromMinutes(10),
        BusyWait: TimeSpan.FromSeconds(5), BusyHold: TimeSpan.FromMinutes(1));

    /// <summary>The batch is not cancelled and the server is in service.</summary>
    public static readonly Checked Wanted = new(false, false, null, []);

    private JobRun _run;

    private ARun(JobRun run) => _run = run;

    public GenerationJob Job => _run.Job;

    public DateTimeOffset Now { get; private set; } = A.Now;

    public static ARun Queued(RunLimits? limits = null)
    {
        var jobId = Guid.NewGuid();
        var planned = new PlannedJob(jobId, "a dancer spins", "dance", "base-model", 1, Guid.NewGuid(), GenerationSettings.None);
        return new ARun(new JobRun(GenerationJob.Create(new GenerationJobQueued(jobId, Guid.NewGuid(), A.StudyId, planned, A.Now)), limits ?? Limits));
    }

    /// <summary>Next: it waits for a slot.</summary>
    public ARun WaitingForSlot() => Given(new Started(), Wanted);

    /// <summary>Next: it submits, holding a slot.</summary>
    public ARun Submitting() => WaitingForSlot().Given(new SlotTaken(), Wanted);

    /// <summary>Next: it polls the job the server runs.</summary>
    public ARun Running() => Submitting().Given(new Submitted(RemoteId), Wanted);

    /// <summary>Next: it downloads the finished video, the slot given back.</summary>
    public ARun Downloading() => Running().Given(new Completed(), new SlotReleased());

    public ARun Given(params Observation[] observations)
    {
        foreach (var observation in observations) When(observation);
        return this;
    }

    public ARun Later(TimeSpan by)
    {
        Now += by;
        return this;
    }

    public Decision When(Observation observation)
    {
        var decision = RunningJob.Decide(_run, observation, Now);
        foreach (var e in decision.Events) Apply(decision.Run.Job, e);
        _run = decision.Run;
        return decision;
    }

    /// <summary>As the job's stream folds it (Marten calls these Apply methods).</summary>
    private static void Apply(GenerationJob job, object e)
    {
        switch (e)
        {
            case GenerationJobSubmitted submitted: job.Apply(submitted); break;
            case GenerationJobLost lost: job.Apply(lost); break;
            case GenerationJobSucceeded succeeded: job.Apply(succeeded); break;
            case GenerationJobFailed failed: job.Apply(failed); break;
            case GenerationJobCancelled cancelled: job.Apply(cancelled); break;
            default: throw new ArgumentException($"Not an event of a job: {e}", nameof(e));
        }
    }
}
