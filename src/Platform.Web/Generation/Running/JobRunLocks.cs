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
    /// <summary>The lock's first key: keeps job locks apart from the server slots' (server key, slot) pairs.</summary>
    private const int Space = 0x47454E4A; // "GENJ"

    // Unpooled: the lock lives exactly as long as its own session.
    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString;

    /// <returns>The held lock, to dispose when the run ends; null when another run has the job.</returns>
    public async Task<IAsyncDisposable?> TryTakeAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("select pg_try_advisory_lock($1, $2)", connection)
            {
                Parameters = { new() { Value = Space }, new() { Value = AdvisoryLocks.Key32(jobId) } },
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
