using System.Collections.Concurrent;
using Npgsql;
using Platform.Web.Hosting.Database;

namespace Platform.Web.Generation.Running;

/// <summary>
/// A server's "maximum concurrent jobs", held across every worker process: slot i of a server is the PostgreSQL
/// session advisory lock (server key, i), kept on a connection of its own while the job runs. A job done with its slot
/// hands it (lock, connection and all) straight to the longest-waiting job of that server in its own process, without
/// a round trip; with none waiting here it unlocks, and a PostgreSQL NOTIFY wakes the other processes. Waiting jobs
/// hold no connection: for each server one prober per process looks for a free slot on their behalf, when a slot is
/// freed or notified, and every <see cref="RetryEvery"/> in case a notification was missed (a reconnect, a process
/// that died holding a slot).
/// </summary>
public sealed class ServerSlots(PlatformDatabase database, TimeProvider clock) : IAsyncDisposable
{
    internal const string Channel = "platform_server_slots";

    /// <summary>Names the slots' sessions in pg_stat_activity.</summary>
    public const string ApplicationName = "platform-server-slots";
    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(200);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _listener;

    // Unpooled: a slot's lock lives exactly as long as its own session.
    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, KeepAlive = 30, TcpKeepAlive = true, ApplicationName = ApplicationName }.ConnectionString;
    private readonly ConcurrentDictionary<Guid, SlotQueue> _servers = new();

    /// <returns>The slot, to dispose when the job is done; null when none came free within <paramref name="wait"/>.</returns>
    public async Task<IAsyncDisposable?> AcquireAsync(Guid serverId, int limit, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + wait;
        var server = _servers.GetOrAdd(serverId, id => new SlotQueue(id, AdvisoryLocks.Key32(id)));
        if (await TryTakeAsync(server, limit, cancellationToken) is { } free) return free;
        var left = deadline - clock.GetUtcNow();
        if (left <= TimeSpan.Zero) return null;

        StartListening();
        var (waiter, startProbing) = server.Join(limit);
        if (startProbing) server.Probing = Task.Run(() => ProbeAsync(server, _stop.Token), CancellationToken.None);
        try
        {
            return await waiter.Value.Handed.Task.WaitAsync(left, clock, cancellationToken);
        }
        catch (TimeoutException)
        {
            // A slot handed over just as the wait ended is taken all the same.
            return server.Leave(waiter) ? null : await waiter.Value.Handed.Task;
        }
        catch (OperationCanceledException)
        {
            // …but passed on when the job stopped waiting.
            if (!server.Leave(waiter)) await (await waiter.Value.Handed.Task).DisposeAsync();
            throw;
        }
    }

    /// <summary>Jobs of this process waiting for one of the server's slots.</summary>
    public int Waiting(Guid serverId) => _servers.TryGetValue(serverId, out var server) ? server.Waiting : 0;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        var running = _servers.Values.Select(s => s.Probing).Append(_listener).OfType<Task>();
        await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    /// <summary>A slot free right now, on a connection of its own; null when all are taken.</summary>
    private async Task<HeldSlot?> TryTakeAsync(SlotQueue server, int limit, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        var slot = await FirstFreeAsync(connection, server.Key, limit, cancellationToken);
        if (slot is { } taken) return new HeldSlot(server, connection, taken);
        await connection.DisposeAsync();
        return null;
    }

    /// <summary>
    /// Takes free slots for this process's waiters of a server, one connection at a time, until none is free or
    /// nobody waits; then sleeps until a slot is freed (here or, notified, elsewhere) or <see cref="RetryEvery"/>.
    /// </summary>
    private async Task ProbeAsync(SlotQueue server, CancellationToken stop)
    {
        NpgsqlConnection? connection = null;
        try
        {
            // Listening first: a slot freed elsewhere after a probe found none is then always notified.
            await _listening.Task.WaitAsync(stop);
            while (server.WidestWaiting() is var limit and > 0)
            {
                var freed = server.Freed;
                try
                {
                    connection ??= await OpenAsync(stop);
                    if (await FirstFreeAsync(connection, server.Key, limit, stop) is { } slot)
                    {
                        await server.HandOverOrFreeAsync(new HeldSlot(server, connection, slot));
                        connection = null;
                        continue;
                    }
                }
                catch (Exception e) when (e is NpgsqlException or IOException or InvalidOperationException && !stop.IsCancellationRequested)
                {
                    // The database went away for a moment: drop the connection and look again after the pause.
                    if (connection is not null) await connection.DisposeAsync();
                    connection = null;
                }
                await Task.WhenAny(freed, Task.Delay(RetryEvery, clock, stop));
                stop.ThrowIfCancellationRequested();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            if (connection is not null) await connection.DisposeAsync();
        }
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task<int?> FirstFreeAsync(NpgsqlConnection connection, int key, int limit, CancellationToken cancellationToken)
    {
        for (var slot = 0; slot < limit; slot++)
        {
            await using var command = new NpgsqlCommand("select pg_try_advisory_lock($1, $2)", connection) { Parameters = { new() { Value = key }, new() { Value = slot } } };
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!) return slot;
        }
        return null;
    }

    private void StartListening()
    {
        if (_listener is null && Interlocked.CompareExchange(ref _listener, Task.CompletedTask, null) is null)
            _listener = Task.Run(() => ListenAsync(_stop.Token), CancellationToken.None);
    }

    /// <summary>Wakes this process's probers for a server whose slot another process freed.</summary>
    private async Task ListenAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = await OpenAsync(stop);
                connection.Notification += (_, e) =>
                {
                    if (Guid.TryParse(e.Payload, out var serverId) && _servers.TryGetValue(serverId, out var server)) server.Pulse();
                };
                await using (var listen = new NpgsqlCommand($"listen {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stop);
                // Slots freed while nobody listened were not notified: every prober looks again.
                foreach (var server in _servers.Values) server.Pulse();
                _listening.TrySetResult();
                while (true) await connection.WaitAsync(stop);
            }
            catch (Exception e) when (e is NpgsqlException or IOException or InvalidOperationException && !stop.IsCancellationRequested)
            {
                // The database went away for a moment: probers still look every RetryEvery; listen again shortly.
                await Task.Delay(TimeSpan.FromSeconds(1), clock, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
