using Platform.Hosting.Database;

namespace Platform.Testing;

/// <summary>
/// One embedded PostgreSQL cluster for the whole test run (per test process), started on first use and stopped when
/// the process exits; every fixture gets a fresh database of its own.
/// </summary>
public static class TestDatabase
{
    private static readonly Lazy<Task<EmbeddedPostgres>> Cluster = new(StartAsync);

    public static async Task<string> CreateAsync(string purpose)
    {
        var cluster = await Cluster.Value;
        var name = $"t_{Guid.NewGuid():N}_{purpose.ToLowerInvariant()}";
        name = name[..Math.Min(name.Length, 63)]; // PostgreSQL's limit for a name
        return await cluster.EnsureDatabaseAsync(name);
    }

    /// <summary>A data directory of its own, for a test that needs a cluster it can stop.</summary>
    public static string NewDirectory(string purpose)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"platform-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        return directory;
    }

    private static async Task<EmbeddedPostgres> StartAsync()
    {
        var directory = NewDirectory("tests");
        var cluster = await EmbeddedPostgres.StartAsync(Path.Combine(directory, "postgres"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            cluster.StopAsync().GetAwaiter().GetResult();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return cluster;
    }
}
