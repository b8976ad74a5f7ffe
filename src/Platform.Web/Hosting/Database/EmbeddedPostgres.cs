using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace Platform.Web.Hosting.Database;

/// <summary>
/// A private PostgreSQL cluster run from the machine's own PostgreSQL binaries (initdb + pg_ctl), listening on a
/// free loopback port. Used by the host when no connection string is configured, and by the test fixtures.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    private const string Superuser = "platform";
    private readonly string _binDirectory;
    private readonly string _dataDirectory;
    private readonly string _password;
    private readonly string _serverOptions;
    // Start (by the watchdog) and stop (at shutdown) never overlap, so a stopped cluster stays stopped.
    private readonly SemaphoreSlim _control = new(1, 1);
    private bool _stopped;

    private EmbeddedPostgres(string binDirectory, string dataDirectory, string password, int port, int maxConnections, IReadOnlyList<string> settings)
    {
        _binDirectory = binDirectory;
        _dataDirectory = dataDirectory;
        _password = password;
        Port = port;
        // PostgreSQL's durable defaults (fsync, full_page_writes, synchronous_commit on) stay unless a caller's settings
        // say otherwise: an acknowledged answer survives a crash of the machine, not only of the process.
        _serverOptions = $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections={maxConnections}"
            + string.Concat(settings.Select(setting => $" -c {setting}"));
    }

    public int Port { get; }

    public string DataDirectory => _dataDirectory;

    /// <summary>Initialises the cluster in <paramref name="dataDirectory"/> when it is new, then starts it.</summary>
    /// <param name="maxConnections">
    /// PostgreSQL's connection limit. Each host holds pools for Marten, Hangfire's workers and the health check; many
    /// hosts on one cluster (the test run) need more than PostgreSQL's default of 100.
    /// </param>
    /// <param name="settings">
    /// More server settings as <c>name=value</c>: the operator's Database:ServerSettings (none by default); a throw-away
    /// cluster (the tests') may trade durability for speed.
    /// </param>
    public static async Task<EmbeddedPostgres> StartAsync(string dataDirectory, string? binDirectory = null, int maxConnections = 100, IReadOnlyList<string>? settings = null,
        CancellationToken cancellationToken = default)
    {
        settings ??= [];
        var bin = binDirectory is { Length: > 0 } ? binDirectory : PostgresTools.FindBinDirectory();
        var data = Path.GetFullPath(dataDirectory);
        var passwordFile = data + ".password";
        Directory.CreateDirectory(Path.GetDirectoryName(data)!);

        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
            await PostgresTools.ExplainingAccessAsync(data, () => InitialiseAsync(bin, data, passwordFile, cancellationToken), cancellationToken);

        var password = (await File.ReadAllTextAsync(passwordFile, cancellationToken)).Trim();
        // A server left running by a killed process holds the directory: stop it and start cleanly.
        await StopAsync(data, "fast", bin, cancellationToken);

        var cluster = new EmbeddedPostgres(bin, data, password, FreeLoopbackPort(), maxConnections, settings);
        await PostgresTools.ExplainingAccessAsync(data, () => cluster.StartServerAsync(cancellationToken), cancellationToken);
        return cluster;
    }

    /// <summary>
    /// Starts the server again when it has stopped (a crash, a kill, an immediate shutdown) on the same port with the
    /// same options, so every connection string stays valid; PostgreSQL recovers from its WAL first.
    /// </summary>
    /// <returns>Whether it had stopped and was started; false while running, and after <see cref="StopAsync()"/>.</returns>
    public async Task<bool> EnsureRunningAsync(CancellationToken cancellationToken = default)
    {
        await _control.WaitAsync(cancellationToken);
        try
        {
            if (_stopped || await IsRunningAsync(_binDirectory, _dataDirectory, cancellationToken)) return false;
            await StartServerAsync(cancellationToken);
            return true;
        }
        finally
        {
            _control.Release();
        }
    }

    /// <summary>Stops the cluster in <paramref name="dataDirectory"/> if a server runs there, and waits for it to go.</summary>
    /// <param name="mode">pg_ctl's shutdown mode: smart, fast (roll back sessions) or immediate (no checkpoint: recovery at the next start).</param>
    public static async Task StopAsync(string dataDirectory, string mode, string? binDirectory = null, CancellationToken cancellationToken = default)
    {
        var bin = binDirectory is { Length: > 0 } ? binDirectory : PostgresTools.FindBinDirectory();
        if (await IsRunningAsync(bin, dataDirectory, cancellationToken))
            await PostgresTools.RunAsync(bin, "pg_ctl", ["stop", "-D", dataDirectory, "-m", mode, "-w"], cancellationToken, throwOnError: false);
    }

    private static async Task<bool> IsRunningAsync(string bin, string data, CancellationToken cancellationToken) =>
        await PostgresTools.RunAsync(bin, "pg_ctl", ["status", "-D", data], cancellationToken, throwOnError: false) == 0;

    private async Task StartServerAsync(CancellationToken cancellationToken) =>
        await PostgresTools.RunAsync(_binDirectory, "pg_ctl", ["start", "-D", _dataDirectory, "-l", Path.Combine(_dataDirectory, "server.log"), "-w", "-t", "60", "-o", _serverOptions],
            cancellationToken);

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Password = _password,
        Database = database,
    }.ConnectionString;

    /// <summary>Creates the database unless it exists, and returns its connection string.</summary>
    /// <param name="template">A database to copy (PostgreSQL's CREATE DATABASE … TEMPLATE) instead of an empty one; no
    /// session may be connected to it meanwhile.</param>
    public async Task<string> EnsureDatabaseAsync(string database, string? template = null, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            var copy = template is null ? "" : $" TEMPLATE {Quote(template)}";
            await using var create = new NpgsqlCommand($"CREATE DATABASE {Quote(database)}{copy}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        return ConnectionString(database);
    }

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    public async Task StopAsync()
    {
        await _control.WaitAsync();
        try
        {
            if (_stopped) return;
            _stopped = true;
            NpgsqlConnection.ClearAllPools();
            await PostgresTools.RunAsync(_binDirectory, "pg_ctl", ["stop", "-D", _dataDirectory, "-m", "fast", "-w"], CancellationToken.None, throwOnError: false);
        }
        finally
        {
            _control.Release();
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private static async Task InitialiseAsync(string bin, string data, string passwordFile, CancellationToken cancellationToken)
    {
        if (Directory.Exists(data) && Directory.EnumerateFileSystemEntries(data).Any())
            throw new InvalidOperationException($"'{data}' is not empty but holds no PostgreSQL cluster; move it away or choose another Storage:DataDirectory.");
        Directory.CreateDirectory(data);
        await File.WriteAllTextAsync(passwordFile, Convert.ToHexString(RandomNumberGenerator.GetBytes(24)), cancellationToken);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        if (PostgresTools.RunsAsRoot)
        {
            await PostgresTools.RunProcessAsync("chown", ["postgres:postgres", data], cancellationToken);
            await PostgresTools.RunProcessAsync("chmod", ["700", data], cancellationToken);
        }
        // initdb reads the password from a file the postgres user can read; it is removed right after.
        var pwFile = Path.Combine(data, "..", $".initdb-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(pwFile, await File.ReadAllTextAsync(passwordFile, cancellationToken), cancellationToken);
        try
        {
            if (PostgresTools.RunsAsRoot) await PostgresTools.RunProcessAsync("chown", ["postgres", pwFile], cancellationToken);
            await PostgresTools.RunAsync(bin, "initdb", ["-D", data, "-U", Superuser, "--pwfile", Path.GetFullPath(pwFile), "-A", "scram-sha-256", "-E", "UTF8", "--locale", "C"], cancellationToken);
        }
        finally
        {
            File.Delete(pwFile);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
