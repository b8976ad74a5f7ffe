using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Platform.Accounts;
using Platform.Web.Hosting.Database;

namespace Platform.Testing;

/// <summary>
/// The built platform (src/Platform.Web's build output, as test.sh builds it) in an OS process of its own, with its own
/// data directory and so its own embedded PostgreSQL, as it is deployed: a test can kill it and start it again on the
/// same port and data. Its console is kept (<see cref="Tail"/>); its unhandled request errors also go to host-errors.log.
/// </summary>
public sealed class PlatformProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly IReadOnlyList<string> _arguments;
    private readonly ConcurrentQueue<string> _console = new();
    private Process? _process;

    private PlatformProcess(string dataDirectory, int port, IReadOnlyList<string> arguments)
    {
        DataDirectory = dataDirectory;
        Port = port;
        _arguments = arguments;
    }

    public string DataDirectory { get; }

    /// <summary>The data directory of its embedded cluster, for pg_ctl.</summary>
    public string PostgresDirectory => Path.Combine(DataDirectory, "postgres");

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>Starts the platform and waits until /health says it is up (migrations applied, the admin bootstrapped).</summary>
    /// <param name="settings">Configuration on top of the defaults here (a fast test setup with a high participant limit).</param>
    public static async Task<PlatformProcess> StartAsync(string purpose, IReadOnlyDictionary<string, string>? settings = null)
    {
        var directory = TestDatabase.NewDirectory(purpose);
        var port = FreePort();
        var configuration = new Dictionary<string, string>
        {
            ["Storage:DataDirectory"] = directory,
            ["Bootstrap:AdminEmail"] = PlatformFactory.AdminEmail,
            ["Bootstrap:AdminPassword"] = PlatformFactory.AdminPassword,
            ["Voting:RequestsPerClientPerMinute"] = "1000000",
            ["Accounts:SignInAttemptsPerClientPerMinute"] = "10000",
            ["Accounts:SignInAttemptsPerAccountPerMinute"] = "10000",
            ["Demo:RenderServerUrl"] = "",
            ["Jobs:WorkerCount"] = "2",
            ["Generation:Workers"] = "2",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) configuration[key] = value;
        string[] arguments = [Executable(), "--urls", $"http://127.0.0.1:{port}", .. configuration.Select(s => $"--{s.Key}={s.Value}")];
        var platform = new PlatformProcess(directory, port, arguments);
        await platform.StartAgainAsync();
        return platform;
    }

    /// <summary>Starts the process (again, after <see cref="Kill"/>) on the same port and data, and waits until it is healthy.</summary>
    public async Task StartAgainAsync()
    {
        if (_process is { HasExited: false }) throw new InvalidOperationException("The platform is running.");
        _process?.Dispose();
        var dll = _arguments[0];
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The content root: appsettings.json lies beside the dll.
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            // Testing: migrations apply, as in production.
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Testing" },
        };
        foreach (var argument in _arguments) start.ArgumentList.Add(argument);
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the platform.");
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilHealthyAsync(StartTimeout);
    }

    /// <summary>Kills the process (SIGKILL: no shutdown of any kind) and waits for it to be gone. Its PostgreSQL stays up.</summary>
    public void Kill()
    {
        if (_process is not { HasExited: false } process) return;
        process.Kill();
        process.WaitForExit();
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The admin creates a Researcher account; returns that researcher's signed-in client.</summary>
    public async Task<HttpClient> NewResearcherAsync(string email)
    {
        const string password = "researcher-password";
        using var admin = await CreateClient().SignInAsync(PlatformFactory.AdminEmail, PlatformFactory.AdminPassword);
        await admin.CreateUserAsync(email, password, Role.Researcher);
        return await CreateClient().SignInAsync(email, password);
    }

    /// <summary>Polls /health until it answers 200.</summary>
    /// <returns>Every status it answered before, in order (a refused connection counts as 0).</returns>
    public async Task<IReadOnlyList<HttpStatusCode>> WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var client = CreateClient();
        client.Timeout = TimeSpan.FromSeconds(5);
        var seen = new List<HttpStatusCode>();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process is { HasExited: true } process)
                throw new InvalidOperationException($"The platform exited with {process.ExitCode}:\n{Tail()}");
            try
            {
                using var health = await client.GetAsync("/health");
                if (health.StatusCode == HttpStatusCode.OK) return seen;
                seen.Add(health.StatusCode);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                seen.Add(0);
            }
            if (deadline.Elapsed > timeout)
                throw new TimeoutException($"/health not 200 within {timeout.TotalSeconds} s (last {seen[^1]}):\n{Tail()}");
            await Task.Delay(250);
        }
    }

    /// <summary>The last lines the process wrote, for a failure's message.</summary>
    public string Tail(int lines = 60) => string.Join('\n', _console.TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        // Killed, the platform leaves its cluster running: stop it before removing its data.
        await EmbeddedPostgres.StopAsync(PostgresDirectory, "fast");
        TestDatabase.Remove(DataDirectory);
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _console.Enqueue(line);
        while (_console.Count > 2000) _console.TryDequeue(out _);
        // What explains a 500 (ASP.NET Core's unhandled exceptions) and crashes; not Marten's errors for every command
        // an outage fails, which the tests cause on purpose and which would bury the rest of the log.
        if (line.Contains(" fail: Microsoft.AspNetCore", StringComparison.Ordinal) || line.Contains(" crit: ", StringComparison.Ordinal))
            ErrorLog.Write($"platform process :{Port}", line, null);
    }

    /// <summary>Platform.Web.dll as built beside this test project: same configuration (Debug) and framework.</summary>
    private static string Executable()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (output.Name, output.Parent!.Name);
        var root = output;
        while (!File.Exists(Path.Combine(root.FullName, "Platform.sln")))
            root = root.Parent ?? throw new InvalidOperationException($"No Platform.sln above {AppContext.BaseDirectory}.");
        var dll = Path.Combine(root.FullName, "src", "Platform.Web", "bin", configuration, framework, "Platform.Web.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build the solution first (test.sh does).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
