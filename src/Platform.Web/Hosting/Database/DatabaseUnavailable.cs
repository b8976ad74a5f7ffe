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
                    return IsUnavailableState(postgres.SqlState);
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
}
