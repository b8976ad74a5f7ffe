using System.Diagnostics;
using Npgsql;

namespace Platform.Web.Hosting.Database;

/// <summary>
/// Keeps the host's own embedded cluster up: every 2 s it asks pg_ctl whether the server runs and, when it has died (a
/// crash, a kill, an immediate shutdown), starts it again on the same port, then empties the connection pools, whose
/// connections to the dead server would otherwise be handed out and fail once each. Does nothing when a connection
/// string names the server: that server is someone else's to run.
/// </summary>
internal sealed class EmbeddedPostgresWatchdog(
    PlatformDatabase database,
    [FromKeyedServices(Config.MartenConnections)] NpgsqlDataSource marten,
    ILogger<EmbeddedPostgresWatchdog> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Embedded is not { } cluster) return;
        using var timer = new PeriodicTimer(Interval);
        var failures = 0;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var started = Stopwatch.StartNew();
            try
            {
                if (!await cluster.EnsureRunningAsync(stoppingToken)) continue;
                marten.Clear();
                NpgsqlConnection.ClearAllPools();
                failures = 0;
                logger.LogWarning("Embedded PostgreSQL had stopped; started it again on 127.0.0.1:{Port} in {Seconds:0.0} s and cleared the connection pools",
                    cluster.Port, started.Elapsed.TotalSeconds);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
            {
                // Old server processes may still hold the shared memory for a moment after a kill: the next round tries again.
                if (failures++ % 15 == 0)
                    logger.LogWarning(e, "Embedded PostgreSQL is down and did not start yet (attempt {Attempt}); trying again every {Interval}", failures, Interval);
            }
        }
    }
}
