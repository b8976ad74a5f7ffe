using System.Collections.Concurrent;
using Npgsql;
using Platform.Hosting.Database;

namespace Platform.Generation.Running;

/// <summary>
/// A server's "maximum concurrent jobs", held across every worker process: slot i of a server is the PostgreSQL
/// session advisory lock (server key, i), kept on a connection of its own while the job runs. A worker that frees a
/// slot wakes the waiters in its own process at once; other processes notice on their next try.
/// </summary>
public sealed class ServerSlots(PlatformDatabase database)
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(200);

    // Unpooled: a slot's lock lives exactly as long as its own session.
    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString;
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _freed = new();

    /// <returns>The slot, to dispose when the job is done; null when none came free within <paramref name="wait"/>.</returns>
    public async Task<IAsyncDisposable?> AcquireAsync(Guid serverId, int limit, TimeSpan wait, CancellationToken cancellationToken)
    {
        var key = Key(serverId);
        var deadline = DateTimeOffset.UtcNow + wait;
        var freed = _freed.GetOrAdd(serverId, _ => new SemaphoreSlim(0));
        // One connection for the whole wait: a waiter woken by a freed slot only has to ask for the lock again.
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            while (true)
            {
                for (var slot = 0; slot < limit; slot++)
                {
                    await using var command = new NpgsqlCommand("select pg_try_advisory_lock($1, $2)", connection) { Parameters = { new() { Value = key }, new() { Value = slot } } };
                    if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
                    {
                        var held = new Slot(connection, key, slot, () => Wake(freed));
                        connection = null;
                        return held;
                    }
                }
                var left = deadline - DateTimeOffset.UtcNow;
                if (left <= TimeSpan.Zero) return null;
                await freed.WaitAsync(left < RetryEvery ? left : RetryEvery, cancellationToken);
            }
        }
        finally
        {
            if (connection is not null) await connection.DisposeAsync();
        }
    }

    /// <summary>All 16 bytes of the id count, so servers with similar ids never share slots.</summary>
    private static int Key(Guid serverId)
    {
        var bytes = serverId.ToByteArray();
        return BitConverter.ToInt32(bytes, 0) ^ BitConverter.ToInt32(bytes, 4) ^ BitConverter.ToInt32(bytes, 8) ^ BitConverter.ToInt32(bytes, 12);
    }

    // At most one wake-up is pending: waiters also look again every RetryEvery, so none is missed.
    private static void Wake(SemaphoreSlim freed)
    {
        if (freed.CurrentCount == 0) freed.Release();
    }

    /// <summary>Freed once, however often it is disposed (a job frees it early, after its download).</summary>
    private sealed class Slot(NpgsqlConnection connection, int key, int slot, Action onFreed) : IAsyncDisposable
    {
        private int _freed;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _freed, 1) == 1) return;
            try
            {
                await using var command = new NpgsqlCommand("select pg_advisory_unlock($1, $2)", connection) { Parameters = { new() { Value = key }, new() { Value = slot } } };
                await command.ExecuteScalarAsync();
            }
            catch (NpgsqlException)
            {
                // The session is gone, and its lock with it.
            }
            finally
            {
                await connection.DisposeAsync();
                onFreed();
            }
        }
    }
}
