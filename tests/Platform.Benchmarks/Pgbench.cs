using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Platform.Benchmarks;

/// <summary>
/// What the same PostgreSQL does with the simplest possible write: pgbench against the platform's own embedded
/// cluster (a scratch database), one single-row INSERT per transaction, at the load's concurrency. Judgments/s over
/// its tps says how far the voting path is from the database's bare insert rate on this machine.
/// </summary>
public static partial class Pgbench
{
    private const string Script = "INSERT INTO votes (participant, trial, choice, decision_ms) VALUES ('p' || :client_id, gen_random_uuid(), 'left', 1234);\n";

    /// <summary>The newest /usr/lib/postgresql/N/bin with pgbench (where the platform finds its server binaries too).</summary>
    public static string BinDirectory { get; } =
        (Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [])
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "pgbench")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .FirstOrDefault() ?? "/usr/lib/postgresql/15/bin";

    /// <returns>pgbench's tps, or null when it could not run.</returns>
    public static async Task<double?> RunAsync(PlatformProcess platform, int clients, int seconds, CancellationToken cancellationToken)
    {
        // postmaster.pid's fourth line is the port; the password file sits beside the cluster's directory.
        var port = int.Parse(File.ReadLines(Path.Combine(platform.PostgresDirectory, "postmaster.pid")).ElementAt(3).Trim(), CultureInfo.InvariantCulture);
        var password = (await File.ReadAllTextAsync(platform.PostgresDirectory + ".password", cancellationToken)).Trim();
        var connection = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "platform", Password = password, Database = "postgres", Pooling = false };

        int free;
        await using (var admin = new NpgsqlConnection(connection.ConnectionString))
        {
            await admin.OpenAsync(cancellationToken);
            await Execute(admin, "CREATE DATABASE bench");
            var max = Convert.ToInt32(await Scalar(admin, "SELECT current_setting('max_connections')::int"), CultureInfo.InvariantCulture);
            var used = Convert.ToInt32(await Scalar(admin, "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'"), CultureInfo.InvariantCulture);
            free = max - used - 2;
            Console.WriteLine($"PostgreSQL connections before pgbench: {used} client connections open (the platform's pools and this one) of max_connections {max}");
        }
        if (clients > free)
        {
            // The platform's pools keep their connections (idle ones for minutes): pgbench gets what is left.
            Console.WriteLine(free < 1
                ? "pgbench skipped: the platform holds every connection max_connections allows"
                : $"pgbench: {clients} clients would pass max_connections; running {free} instead (not the load's concurrency)");
            if (free < 1) return null;
            clients = free;
        }
        connection.Database = "bench";
        await using (var bench = new NpgsqlConnection(connection.ConnectionString))
        {
            await bench.OpenAsync(cancellationToken);
            await Execute(bench, "CREATE TABLE votes (id bigserial PRIMARY KEY, participant text NOT NULL, trial uuid NOT NULL, choice text NOT NULL, decision_ms int NOT NULL, at timestamptz NOT NULL DEFAULT now())");
        }

        var script = Path.Combine(platform.DataDirectory, "pgbench-insert.sql");
        await File.WriteAllTextAsync(script, Script, cancellationToken);
        string[] arguments = ["-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-U", "platform", "-n",
            "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", Math.Min(2, clients).ToString(CultureInfo.InvariantCulture),
            "-T", seconds.ToString(CultureInfo.InvariantCulture), "-f", script, "bench"];
        Console.WriteLine($"pgbench {string.Join(' ', arguments)}   (script: {Script.Trim()})");
        var (exit, output) = await Tool.RunAsync(Path.Combine(BinDirectory, "pgbench"), arguments, cancellationToken,
            new Dictionary<string, string> { ["PGPASSWORD"] = password });
        foreach (var line in output.Split('\n').Where(l => l.StartsWith("number of transactions actually", StringComparison.Ordinal) || l.StartsWith("number of failed", StringComparison.Ordinal) || l.StartsWith("latency average", StringComparison.Ordinal) || l.StartsWith("tps", StringComparison.Ordinal)))
            Console.WriteLine($"  {line.Trim()}");
        if (exit != 0 || TpsLine().Match(output) is not { Success: true } tps)
        {
            Console.WriteLine($"pgbench failed ({exit}):\n{output}");
            return null;
        }
        return double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    [GeneratedRegex(@"^tps = ([0-9.]+) \(without initial connection time\)", RegexOptions.Multiline)]
    private static partial Regex TpsLine();
}
