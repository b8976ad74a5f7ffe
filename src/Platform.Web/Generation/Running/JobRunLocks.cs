using Npgsql;
using Platform.Hosting.Database;

namespace Platform.Generation.Running;

/// <summary>
/// One run of a generation job at a time, across every worker process: a PostgreSQL session advisory lock on the
/// job's id, held on a connection of its own for the run. A second run (a Hangfire redelivery, or the resume sweep's)
/// finds it taken and leaves the job to the first.
/// </summary>
public sealed class JobRunLocks(PlatformDatabase database)
{
    // Unpooled: the lock lives exactly as long as its own session. Keepalive: a session whose host died is noticed
    // by PostgreSQL within a minute or two (and its lock freed), not after the kernel's two hours.
    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, KeepAlive = 30, TcpKeepAlive = true }.ConnectionString;

    /// <returns>The held lock, to dispose when the run ends; null when another run has the job.</returns>
    public async Task<IAsyncDisposable?> TryTakeAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // The one-bigint key space is apart from the server slots' (int, int) pairs.
            await using var command = new NpgsqlCommand("select pg_try_advisory_lock($1)", connection)
            {
                Parameters = { new() { Value = AdvisoryLocks.Key64(jobId) } },
            };
            if (!(bool)(await command.ExecuteScalarAsync(cancellationToken))!) return null;
            var held = connection;
            connection = null;
            return held; // closing the session releases the lock
        }
        finally
        {
            if (connection is not null) await connection.DisposeAsync();
        }
    }
}
