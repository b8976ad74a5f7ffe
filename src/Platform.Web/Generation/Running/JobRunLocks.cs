using Platform.Web.Hosting.Database;

namespace Platform.Web.Generation.Running;

/// <summary>
/// One run of a generation job at a time, across every worker process: a PostgreSQL session advisory lock on the
/// job's id, held on a connection of its own for the run. A second run (a Hangfire redelivery, or the resume sweep's)
/// finds it taken and leaves the job to the first.
/// </summary>
public sealed class JobRunLocks(PlatformDatabase database)
{
    /// <returns>The held lock, to dispose when the run ends; null when another run has the job.</returns>
    /// <remarks>The one-bigint key space is apart from the server slots' (int, int) pairs.</remarks>
    public Task<IAsyncDisposable?> TryTakeAsync(Guid jobId, CancellationToken cancellationToken) =>
        AdvisoryLocks.HoldAsync(database.ConnectionString, AdvisoryLocks.Key64(jobId), wait: false, cancellationToken);
}
