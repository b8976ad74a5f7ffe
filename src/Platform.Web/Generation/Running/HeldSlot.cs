using Npgsql;

namespace Platform.Web.Generation.Running;

/// <summary>
/// One slot of a server, held as its advisory lock on <see cref="Connection"/>. Freed once, however often it is
/// disposed: handed to the next job of this process that waits for it, else unlocked with a NOTIFY for the others.
/// </summary>
internal sealed class HeldSlot(SlotQueue server, NpgsqlConnection connection, int number) : IAsyncDisposable
{
    private int _freed;

    public NpgsqlConnection Connection => connection;

    public int Number => number;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _freed, 1) == 1) return;
        // A broken session has lost its lock (another process may hold it now): never hand that on.
        if (connection.FullState == System.Data.ConnectionState.Open && server.HandOver(connection, number)) return;
        try
        {
            await using var command = new NpgsqlCommand($"select pg_advisory_unlock($1, $2), pg_notify('{ServerSlots.Channel}', $3)", connection)
            {
                Parameters = { new() { Value = server.Key }, new() { Value = number }, new() { Value = server.Id.ToString() } },
            };
            await command.ExecuteScalarAsync();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException)
        {
            // The session is gone (or broken), and its lock with it.
        }
        finally
        {
            await connection.DisposeAsync();
            server.Pulse();
        }
    }
}
