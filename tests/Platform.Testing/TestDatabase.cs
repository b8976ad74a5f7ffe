using Npgsql;
using Platform.Web.Hosting.Database;

namespace Platform.Testing;

/// <summary>
/// One embedded PostgreSQL cluster for the whole test run (per test process), started on first use and stopped when
/// the process exits; every fixture gets a fresh database of its own.
/// </summary>
public static class TestDatabase
{
    private static readonly Lazy<Task<EmbeddedPostgres>> Cluster = new(StartAsync);
    private static readonly Lazy<Task<string>> Migrated = new(MigrateTemplateAsync);

    /// <summary>A database of its own, with the migrations (and Hangfire's schema) already applied, as a host's start
    /// would: copied from a template migrated once per test run, which takes a fraction of applying them each time.</summary>
    public static async Task<string> CreateAsync(string purpose)
    {
        var cluster = await Cluster.Value;
        return await cluster.EnsureDatabaseAsync(NewName(purpose), await Migrated.Value);
    }

    /// <summary>An empty database, for a test of the migrations themselves.</summary>
    public static async Task<string> CreateEmptyAsync(string purpose)
    {
        var cluster = await Cluster.Value;
        return await cluster.EnsureDatabaseAsync(NewName(purpose));
    }

    private static string NewName(string purpose)
    {
        var name = $"t_{Guid.NewGuid():N}_{purpose.ToLowerInvariant()}";
        return name[..Math.Min(name.Length, 63)]; // PostgreSQL's limit for a name
    }

    private static async Task<string> MigrateTemplateAsync()
    {
        const string template = "platform_template";
        var cluster = await Cluster.Value;
        var connectionString = new NpgsqlConnectionStringBuilder(await cluster.EnsureDatabaseAsync(template)) { Pooling = false }.ConnectionString;
        Migrations.Apply(connectionString, Path.Combine(AppContext.BaseDirectory, "migrations"));
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            Hangfire.PostgreSql.PostgreSqlObjectsInstaller.Install(connection, "hangfire");
        }
        return template;
    }

    /// <summary>A data directory of its own, for a test that needs a cluster it can stop.</summary>
    public static string NewDirectory(string purpose)
    {
        RemoveStoppedClusters();
        var directory = Path.Combine(Path.GetTempPath(), $"platform-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        return directory;
    }

    private static async Task<EmbeddedPostgres> StartAsync()
    {
        var directory = NewDirectory("tests");
        // Test collections run in parallel, each with its own host and pools, and a finished fixture's idle pooled
        // connections stay open for Npgsql's idle lifetime (5 min): well over PostgreSQL's default 100, and at times
        // over 500 with 60 test classes. Not durable: the tests' data is thrown away, and fsync on every commit of
        // thousands would only slow the run (a crash of the machine may lose this cluster, never a platform's).
        var cluster = await EmbeddedPostgres.StartAsync(Path.Combine(directory, "postgres"), maxConnections: 1000, settings: ["fsync=off"]);
        // The test host is killed soon after ProcessExit starts, so waiting for pg_ctl here is cut short. A detached
        // shell outlives it: it asks the server for a fast shutdown (SIGINT), waits for it, then removes the data.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopDetached(directory);
        return cluster;
    }

    private static void StopDetached(string directory)
    {
        var pidFile = Path.Combine(directory, "postgres", "postmaster.pid");
        var pid = File.Exists(pidFile) ? File.ReadLines(pidFile).First().Trim() : "0";
        var script = $"while kill -0 {pid} 2>/dev/null; do kill -INT {pid}; sleep 0.2; done; rm -rf '{directory}'";
        using var _ = System.Diagnostics.Process.Start("setsid", ["-f", "sh", "-c", script]);
    }

    /// <summary>Removes the data directory of a cluster the test has stopped itself.</summary>
    public static void Remove(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Could not remove {directory}: {e.Message}");
        }
    }

    /// <summary>Data directories of earlier runs whose server is down (no postmaster.pid), as a killed run leaves them.</summary>
    private static void RemoveStoppedClusters()
    {
        foreach (var directory in Directory.GetDirectories(Path.GetTempPath(), "platform-*"))
        {
            // A cluster still being created has no pid file either: leave recent directories alone.
            if (!File.Exists(Path.Combine(directory, "postgres", "postmaster.pid"))
                && Directory.GetLastWriteTimeUtc(directory) < DateTime.UtcNow.AddHours(-1))
                Remove(directory);
        }
    }
}
