using System.Collections.Concurrent;
using Npgsql;
using Platform.Hosting.Database;

namespace Platform.Generation.Running;

/// <summary>
/// A server's "maximum concurrent jobs", held across every worker process: slot i of a server is the PostgreSQL
/// session advisory lock (server key, i), kept on a connection of its own while the job runs. A freed slot wakes the
/// waiters at once: in its own process directly, in the others by a PostgreSQL NOTIFY; every waiter also looks
/// again every 200 ms, in case a notification was missed (a reconnect).
/// </summary>
public sealed class ServerSlots(PlatformDatabase database) : IAsyncDisposable
{
    private const string Channel = "platform_server_slots";
    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(200);
    private readonly CancellationTokenSource _stop = new();
    private Task? _listening;

    // Unpooled: a slot's lock lives exactly as long as its own session.
    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, KeepAlive = 30, TcpKeepAlive = true }.ConnectionString;
    private readonly ConcurrentDictionary<Guid, Signal> _freed = new();

    /// <returns>The slot, to dispose when the job is done; null when none came free within <paramref name="wait"/>.</returns>
    public async Task<IAsyncDisposable?> AcquireAsync(Guid serverId, int limit, TimeSpan wait, CancellationToken cancellationToken)
    {
        var key = AdvisoryLocks.Key32(serverId);
        var deadline = DateTimeOffset.UtcNow + wait;
        var freed = _freed.GetOrAdd(serverId, _ => new Signal());
        if (_listening is null && Interlocked.CompareExchange(ref _listening, Task.CompletedTask, null) is null)
            _listening = Task.Run(() => ListenAsync(_stop.Token), CancellationToken.None);
        // One connection for the whole wait: a waiter woken by a freed slot only has to ask for the lock again.
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            while (true)
            {
                // Taken before trying, so a slot freed during the tries still wakes this waiter.
                var next = freed.Next;
                for (var slot = 0; slot < limit; slot++)
                {
                    await using var command = new NpgsqlCommand("select pg_try_advisory_lock($1, $2)", connection) { Parameters = { new() { Value = key }, new() { Value = slot } } };
                    if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
                    {
                        var held = new Slot(connection, key, slot, serverId, freed.Pulse);
                        connection = null;
                        return held;
                    }
                }
                var left = deadline - DateTimeOffset.UtcNow;
                if (left <= TimeSpan.Zero) return null;
                await next.WaitAsync(left < RetryEvery ? left : RetryEvery, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        finally
        {
            if (connection is not null) await connection.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_listening is { } listening) await listening.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    /// <summary>Wakes this process's waiters for a server whose slot another process freed.</summary>
    private async Task ListenAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_connectionString);
                await connection.OpenAsync(stop);
                connection.Notification += (_, e) =>
                {
                    if (Guid.TryParse(e.Payload, out var serverId) && _freed.TryGetValue(serverId, out var freed)) freed.Pulse();
                };
                await using (var listen = new NpgsqlCommand($"listen {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stop);
                while (true) await connection.WaitAsync(stop);
            }
            catch (Exception e) when (e is NpgsqlException or IOException or InvalidOperationException && !stop.IsCancellationRequested)
            {
                // The database went away for a moment: waiters still look every RetryEvery; listen again shortly.
                await Task.Delay(TimeSpan.FromSeconds(1), stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Wakes every waiter of a server in this process when one of its slots is freed here.</summary>
    private sealed class Signal
    {
        private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Next => Volatile.Read(ref _next).Task;

        public void Pulse() =>
            Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>Freed once, however often it is disposed (a job frees it early, after its download).</summary>
    private sealed class Slot(NpgsqlConnection connection, int key, int slot, Guid serverId, Action onFreed) : IAsyncDisposable
    {
        private int _freed;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _freed, 1) == 1) return;
            try
            {
                await using var command = new NpgsqlCommand($"select pg_advisory_unlock($1, $2), pg_notify('{Channel}', $3)", connection)
                {
                    Parameters = { new() { Value = key }, new() { Value = slot }, new() { Value = serverId.ToString() } },
                };
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
