using Hangfire;
using Hangfire.Storage.Monitoring;
using Marten;
using Platform.Generation;

namespace Platform.Web.Generation.Running;

/// <summary>
/// Recurring job: gives a run to every unfinished generation job that has none in Hangfire (enqueued, scheduled or
/// processing) — say the process stopped between saving a batch and enqueueing its runs, or a run was deleted on
/// /jobs. Jobs younger than <see cref="Grace"/> are left alone: their runs may be on their way.
/// </summary>
public sealed class ResumeGenerationJobs(IDocumentStore store, JobStorage storage, IBackgroundJobClient jobs, TimeProvider clock, ILogger<ResumeGenerationJobs> logger)
{
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);
    private const int Page = 500;

    /// <returns>The jobs that got a new run.</returns>
    public async Task<IReadOnlyList<Guid>> RunAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - Grace;
        await using var session = store.QuerySession();
        var unfinished = await session.Query<GenerationJob>()
            .Where(j => (j.State == JobState.Queued || j.State == JobState.Submitted) && j.QueuedAt < before)
            .Select(j => j.Id).ToListAsync(cancellationToken);
        if (unfinished.Count == 0) return [];

        var alive = AliveRuns();
        var orphans = unfinished.Where(id => !alive.Contains(id)).ToList();
        foreach (var id in orphans)
            jobs.Enqueue<RunGenerationJob>(j => j.RunAsync(id, null, CancellationToken.None));
        if (orphans.Count > 0) logger.LogWarning("Resumed {Count} generation jobs that had no run in Hangfire", orphans.Count);
        return orphans;
    }

    /// <summary>The generation jobs Hangfire will still run. A run that changes state meanwhile may be missed: a
    /// second run is harmless (<see cref="JobRunLocks"/>, and a finished job's run does nothing).</summary>
    private HashSet<Guid> AliveRuns()
    {
        var monitor = storage.GetMonitoringApi();
        var runs = All((from, count) => monitor.EnqueuedJobs(RunGenerationJob.Queue, from, count), e => e.Job)
            .Concat(All(monitor.ScheduledJobs, e => e.Job))
            .Concat(All(monitor.ProcessingJobs, e => e.Job));
        return [.. runs.Where(j => j?.Type == typeof(RunGenerationJob) && j.Args.Count > 0 && j.Args[0] is Guid).Select(j => (Guid)j!.Args[0])];
    }

    private static IEnumerable<Hangfire.Common.Job?> All<T>(Func<int, int, JobList<T>> list, Func<T, Hangfire.Common.Job?> job)
    {
        for (var from = 0; ; from += Page)
        {
            var page = list(from, Page);
            foreach (var entry in page) yield return entry.Value is null ? null : job(entry.Value);
            if (page.Count < Page) yield break;
        }
    }
}
