using System.Net.Sockets;
using Npgsql;

namespace Platform.Web.Hosting.Database;

/// <summary>
/// Tells a failure of the database itself (down, restarting, out of connections, the connection cut) from a failing
/// request: the first is worth retrying in a few seconds and answers 503; the second is a bug or a refusal. One place,
/// so the API's 503 and the participant page's reconnecting agree.
/// </summary>
public static class DatabaseUnavailable
{
    /// <summary>Whether this exception, or one it wraps (Marten wraps Npgsql's), says the database is unavailable.</summary>
    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // A server that answered: only the states of shutdown, start-up and connection trouble count. Its
                // IsTransient would also take serialization failures and deadlocks, which are the request's own.
                case PostgresException postgres:
                    return IsUnavailableState(postgres.SqlState) || IsCommitRetriedAfterCut(postgres);
                // Npgsql's own: refused or cut connections (socket and I/O errors), timeouts, and a pool exhausted
                // ("The connection pool has been exhausted") are transient.
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// SQLSTATE class 08 (connection exception), 53300 (too many connections), 57P01/57P02 (administrator or crash
    /// shutdown) and 57P03 (cannot connect now: starting up or in recovery).
    /// </summary>
    public static bool IsUnavailableState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState is PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.AdminShutdown
            or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow;

    /// <summary>
    /// An event's sequence number taken twice: Marten numbers events before it writes them, so this happens only when a
    /// write whose commit reached the database, but whose answer was lost with the connection (a crash), is sent again
    /// by the retry after reconnecting. Whether the first write holds is unknown to this request: the client sends it
    /// again, and recording is idempotent.
    /// </summary>
    public static bool IsCommitRetriedAfterCut(PostgresException postgres) =>
        postgres is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "pkey_mt_events_seq_id" };
}
