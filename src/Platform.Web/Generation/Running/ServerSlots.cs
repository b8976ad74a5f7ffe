using System.Collections.Concurrent;
using Npgsql;
using Platform.Web.Hosting.Database;

using Platform.Generation;
namespace Platform.Web.Generation.Running;

/// <summary>
/// A server's "maximum concurrent jobs", held across every worker process: slot i of a server is the PostgreSQL
/// session advisory lock (server key, i), kept on a connection of its own while the job runs. A job done with its slot
/// hands it (lock, connection and all) straight to the longest-waiting job of that server in its own process, without
/// a round trip; with none waiting here it unlocks, and a PostgreSQL NOTIFY wakes the other processes' waiters. Every
/// waiter also looks again every 200 ms, in case a notification was missed (a reconnect).
/// </summary>
public sealed class ServerSlots(PlatformDatabase database) : IAsyncDisposable
{
    private const string Channel = "platform_server_slots";
    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(200);
    private readonly CancellationTokenSource _stop = new();
    private Task? _listening;

    // Unpooled: a slot's lock lives exactly as long as its own session.
    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, KeepAlive = 30, TcpKeepAlive = true }.ConnectionString;
    private readonly ConcurrentDictionary<Guid, Server> _servers = new();

    /// <returns>The slot, to dispose when the job is done; null when none came free within <paramref name="wait"/>.</returns>
    public async Task<IAsyncDisposable?> AcquireAsync(Guid serverId, int limit, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + wait;
        var server = _servers.GetOrAdd(serverId, id => new Server(id, AdvisoryLocks.Key32(id)));
        if (_listening is null && Interlocked.CompareExchange(ref _listening, Task.CompletedTask, null) is null)
            _listening = Task.Run(() => ListenAsync(_stop.Token), CancellationToken.None);
        // One connection for the whole wait: a waiter woken by a freed slot only has to ask for the lock again.
        var connection = new NpgsqlConnection(_connectionString);
        LinkedListNode<Waiter>? waiting = null;
        try
        {
            await connection.OpenAsync(cancellationToken);
            while (true)
            {
                // Taken before trying, so a slot unlocked during the tries still wakes this waiter.
                var unlocked = server.Unlocked;
                for (var slot = 0; slot < limit; slot++)
                {
                    await using var command = new NpgsqlCommand("select pg_try_advisory_lock($1, $2)", connection) { Parameters = { new() { Value = server.Key }, new() { Value = slot } } };
                    if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
                    {
                        var taken = new Slot(server, connection, slot);
                        connection = null;
                        return taken;
                    }
                }
                waiting ??= server.Join(limit);
                var left = deadline - DateTimeOffset.UtcNow;
                if (left <= TimeSpan.Zero) return null;
                using var nap = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                await Task.WhenAny(waiting.Value.Handed.Task, unlocked, Task.Delay(left < RetryEvery ? left : RetryEvery, nap.Token));
                await nap.CancelAsync();
                cancellationToken.ThrowIfCancellationRequested();
                if (waiting.Value.Handed.Task.IsCompleted)
                {
                    var handed = waiting.Value.Handed.Task.Result;
                    waiting = null;
                    return handed;
                }
            }
        }
        finally
        {
            try
            {
                // A slot handed over just as this wait ended (a lock of its own, a timeout, a cancellation) is passed on.
                if (waiting is not null && !server.Leave(waiting)) await (await waiting.Value.Handed.Task).DisposeAsync();
            }
            finally
            {
                if (connection is not null) await connection.DisposeAsync();
            }
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
                    if (Guid.TryParse(e.Payload, out var serverId) && _servers.TryGetValue(serverId, out var server)) server.Pulse();
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

    /// <summary>A job waiting for a slot, with the server's limit as it read it.</summary>
    private sealed record Waiter(int Limit)
    {
        public TaskCompletionSource<Slot> Handed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>One server as this process sees it: its waiters, first come first served, and a signal for unlocks.</summary>
    private sealed class Server(Guid id, int key)
    {
        private readonly Lock _gate = new();
        private readonly LinkedList<Waiter> _waiters = [];
        private TaskCompletionSource _unlocked = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Guid Id => id;

        public int Key => key;

        public Task Unlocked => Volatile.Read(ref _unlocked).Task;

        public void Pulse() =>
            Interlocked.Exchange(ref _unlocked, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

        public LinkedListNode<Waiter> Join(int limit)
        {
            lock (_gate) return _waiters.AddLast(new Waiter(limit));
        }

        /// <returns>False when a slot was handed to this waiter before it could leave.</returns>
        public bool Leave(LinkedListNode<Waiter> waiter)
        {
            lock (_gate)
            {
                if (waiter.List is null) return false;
                _waiters.Remove(waiter);
                return true;
            }
        }

        /// <returns>False when nobody here waits for a slot this one can be (a lowered limit leaves the top slots
        /// unused).</returns>
        public bool HandOver(NpgsqlConnection connection, int slot)
        {
            lock (_gate)
            {
                for (var waiter = _waiters.First; waiter is not null; waiter = waiter.Next)
                {
                    if (slot >= waiter.Value.Limit) continue;
                    _waiters.Remove(waiter);
                    waiter.Value.Handed.SetResult(new Slot(this, connection, slot));
                    return true;
                }
                return false;
            }
        }
    }

    /// <summary>Freed once, however often it is disposed (a job frees it early, after its download).</summary>
    private sealed class Slot(Server server, NpgsqlConnection connection, int slot) : IAsyncDisposable
    {
        private int _freed;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _freed, 1) == 1) return;
            // A broken session has lost its lock (another process may hold it now): never hand that on.
            if (connection.FullState == System.Data.ConnectionState.Open && server.HandOver(connection, slot)) return;
            try
            {
                await using var command = new NpgsqlCommand($"select pg_advisory_unlock($1, $2), pg_notify('{Channel}', $3)", connection)
                {
                    Parameters = { new() { Value = server.Key }, new() { Value = slot }, new() { Value = server.Id.ToString() } },
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
}
