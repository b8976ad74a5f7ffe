using Marten;
using Npgsql;

namespace Platform.Web.Hosting.Database;

/// <summary>PostgreSQL advisory locks keyed by an id, shared by every process on the database.</summary>
public static class AdvisoryLocks
{
    /// <summary>Begins the session's transaction (if not yet begun) and takes the id's lock in it, until it ends.</summary>
    public static async Task InTransactionAsync(IDocumentSession session, Guid id, CancellationToken cancellationToken)
    {
        await session.BeginTransactionAsync(cancellationToken);
        await session.QueryAsync<int>("select 1 from (select pg_advisory_xact_lock(?)) as locked", cancellationToken, Key64(id));
    }

    /// <summary>
    /// Takes a session-level lock on a connection of its own, held until the result is disposed (closing the session
    /// releases it, also when the process dies). Unpooled, so the lock lives exactly as long as that session; TCP
    /// keepalive, so PostgreSQL notices a dead host's session within a minute or two.
    /// </summary>
    /// <param name="wait">Wait for the lock; otherwise null when another session holds it.</param>
    public static async Task<IAsyncDisposable?> HoldAsync(string connectionString, long key, bool wait, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30, TcpKeepAlive = true }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(wait ? "select pg_advisory_lock($1) is null" : "select pg_try_advisory_lock($1)", connection)
            {
                Parameters = { new() { Value = key } },
            };
            if (!(bool)(await command.ExecuteScalarAsync(cancellationToken))!) return null;
            var held = connection;
            connection = null;
            return held;
        }
        finally
        {
            if (connection is not null) await connection.DisposeAsync();
        }
    }

    // The first 8 bytes, as the study locks have always used: processes of two versions still take the same lock.
    public static long Key64(Guid id) => BitConverter.ToInt64(id.ToByteArray(), 0);

    /// <summary>All 16 bytes count, so ids that differ anywhere get different keys.</summary>
    public static int Key32(Guid id)
    {
        var bytes = id.ToByteArray();
        return BitConverter.ToInt32(bytes, 0) ^ BitConverter.ToInt32(bytes, 4) ^ BitConverter.ToInt32(bytes, 8) ^ BitConverter.ToInt32(bytes, 12);
    }
}
