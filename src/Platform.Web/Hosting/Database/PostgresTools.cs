using System.Diagnostics;

namespace Platform.Web.Hosting.Database;

/// <summary>
/// Runs PostgreSQL's own tools (initdb, pg_ctl) for <see cref="EmbeddedPostgres"/>: found under /usr/lib/postgresql,
/// run as the postgres user when the platform runs as root, with errors that say what to do.
/// </summary>
internal static class PostgresTools
{
    /// <summary>
    /// Runs a step of PostgreSQL's tools. As root they run as the postgres user, which needs to enter every directory
    /// above the data (a home directory is often closed to it); when a step fails for that reason, the error says so.
    /// </summary>
    public static async Task ExplainingAccessAsync(string data, Func<Task> step, CancellationToken cancellationToken)
    {
        try
        {
            await step();
        }
        catch (InvalidOperationException e) when (RunsAsRoot)
        {
            if (await FirstParentClosedToPostgresAsync(data, cancellationToken) is not { } closed) throw;
            throw new InvalidOperationException(
                $"PostgreSQL runs as the postgres user when the platform runs as root, and that user cannot enter '{closed}', above the data directory '{data}'. " +
                $"Let it through (chmod o+x '{closed}') or set Storage:DataDirectory to a place it can reach, such as /var/lib/platform.", e);
        }
    }

    public static async Task<string?> FirstParentClosedToPostgresAsync(string data, CancellationToken cancellationToken)
    {
        var parents = new List<string>();
        for (var parent = Path.GetDirectoryName(data); !string.IsNullOrEmpty(parent); parent = Path.GetDirectoryName(parent))
            parents.Add(parent);
        parents.Reverse(); // from the root down: the first closed one is the one to open
        foreach (var parent in parents)
        {
            if (await RunProcessAsync("runuser", ["-u", "postgres", "--", "test", "-x", parent], cancellationToken, throwOnError: false) != 0)
                return parent;
        }
        return null;
    }

    public static bool RunsAsRoot => !OperatingSystem.IsWindows() && Environment.UserName == "root";

    public static Task<int> RunAsync(string bin, string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken, bool throwOnError = true)
    {
        var executable = Path.Combine(bin, tool);
        // PostgreSQL refuses to run as root: run its tools as the postgres user instead.
        return RunsAsRoot
            ? RunProcessAsync("runuser", ["-u", "postgres", "--", executable, .. arguments], cancellationToken, throwOnError)
            : RunProcessAsync(executable, arguments, cancellationToken, throwOnError);
    }

    public static async Task<int> RunProcessAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken, bool throwOnError = true)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        // pg_ctl start leaves the server holding inherited pipes; read only what the tool itself writes.
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0 && throwOnError)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(fileName)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}{await output}");
        }
        return process.ExitCode;
    }

    public static string FindBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        var candidates = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(c => File.Exists(Path.Combine(c.Dir, "pg_ctl")))
                .OrderByDescending(c => c.Version)
                .Select(c => c.Dir)
            : [];
        return candidates.FirstOrDefault()
            ?? throw new InvalidOperationException(
                "No PostgreSQL server binaries found under /usr/lib/postgresql. Install them (apt-get install postgresql) or set Storage:PostgresBinDirectory or ConnectionStrings:Platform.");
    }
}
