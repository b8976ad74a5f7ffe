using System.Diagnostics;
using System.Globalization;
using System.Net;
using Platform.Testing;

namespace Platform.Benchmarks;

/// <summary>
/// The published platform in a process of its own, started as <c>./run.sh</c> starts it (Production, embedded
/// PostgreSQL under a fresh data directory, no render server), so the load harness measures what a deployment runs and
/// its own CPU is not the host's thread pool. Stopped with SIGTERM, as Ctrl+C stops it: the host then disposes its
/// database, which stops the embedded cluster with <c>pg_ctl stop -m fast</c>.
/// </summary>
public sealed class PlatformProcess : IAsyncDisposable
{
    public const string AdminEmail = "admin@voting.bench";

    private readonly Process _process;
    private readonly PlatformLog _log;

    private PlatformProcess(Process process, string directory, string baseUrl, PlatformLog log)
    {
        (_process, _log, DataDirectory, BaseUrl) = (process, log, directory, baseUrl);
    }

    public string BaseUrl { get; }

    public string AdminPassword { get; } = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));

    public int Pid => _process.Id;

    /// <summary>
    /// The run's temporary directory, removed at the end: the platform's Storage:DataDirectory (its cluster in
    /// postgres/, as TestDatabase's clean-up of killed runs expects), the publish output and the platform's log.
    /// </summary>
    public string DataDirectory { get; }

    /// <summary>The embedded cluster's directory (its postmaster.pid and the password file beside it).</summary>
    public string PostgresDirectory => Path.Combine(DataDirectory, "postgres");

    /// <summary>
    /// Publishes src/Platform.Web (unless <paramref name="published"/> names a publish output already made) into a
    /// fresh temporary directory and starts it there. <paramref name="settings"/> go in as environment variables
    /// (<c>Key:Sub</c> as <c>Key__Sub</c>) after the harness's own, so they win.
    /// </summary>
    public static async Task<PlatformProcess> StartAsync(string? published, IReadOnlyList<KeyValuePair<string, string>> settings, CancellationToken cancellationToken)
    {
        var directory = TestDatabase.NewDirectory("voting");
        try
        {
            var publish = published ?? await PublishAsync(Path.Combine(directory, "publish"), cancellationToken);
            var port = RenderServerProcess.FreePort();
            var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
            foreach (var argument in new[] { Path.Combine(publish, "Platform.Web.dll"), "--contentRoot", publish, "--urls", $"http://127.0.0.1:{port}" })
                start.ArgumentList.Add(argument);
            var log = new PlatformLog(Path.Combine(directory, "platform.log"));
            var platform = new PlatformProcess(new Process { StartInfo = start }, directory, $"http://127.0.0.1:{port}", log);
            foreach (var (key, value) in platform.EnvironmentOf(settings))
                start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            platform._process.OutputDataReceived += (_, e) => log.Add(e.Data);
            platform._process.ErrorDataReceived += (_, e) => log.Add(e.Data);
            platform._process.Start();
            platform._process.BeginOutputReadLine();
            platform._process.BeginErrorReadLine();
            await platform.WaitUntilHealthyAsync(cancellationToken);
            return platform;
        }
        catch
        {
            TestDatabase.Remove(directory);
            throw;
        }
    }

    private IEnumerable<KeyValuePair<string, string>> EnvironmentOf(IReadOnlyList<KeyValuePair<string, string>> settings) =>
    [
        new("ASPNETCORE_ENVIRONMENT", "Production"),
        new("Storage:DataDirectory", DataDirectory),
        new("Bootstrap:AdminEmail", AdminEmail),
        new("Bootstrap:AdminPassword", AdminPassword),
        // All the load comes from 127.0.0.1, one client address to the participants' rate limiter.
        new("Voting:RequestsPerClientPerMinute", RequestsPerClientPerMinute),
        new("Demo:RenderServerUrl", ""),
        .. settings,
    ];

    public const string RequestsPerClientPerMinute = "1000000000";

    private static async Task<string> PublishAsync(string output, CancellationToken cancellationToken)
    {
        var project = Path.Combine(RepositoryRoot.Find(), "src", "Platform.Web");
        Console.WriteLine($"Publishing {project} (Release) …");
        var started = Stopwatch.StartNew();
        var (exit, text) = await Tool.RunAsync("dotnet", ["publish", project, "-c", "Release", "-o", output, "-nologo", "-v", "quiet"], cancellationToken);
        if (exit != 0) throw new InvalidOperationException($"dotnet publish failed ({exit}):\n{text}");
        Console.WriteLine($"Published in {started.Elapsed.TotalSeconds:0} s");
        return output;
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The platform exited with {_process.ExitCode} before it was healthy:\n{_log.Tail(30)}");
            try
            {
                if ((await client.GetAsync("/health", cancellationToken)).StatusCode == HttpStatusCode.OK) break;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not listening yet (initdb, migrations).
            }
            if (started.Elapsed > TimeSpan.FromMinutes(3))
                throw new TimeoutException($"/health did not answer 200 within 3 minutes:\n{_log.Tail(30)}");
            await Task.Delay(200, cancellationToken);
        }
        Console.WriteLine($"Platform pid {Pid} healthy at {BaseUrl} after {started.Elapsed.TotalSeconds:0.0} s (data in {DataDirectory})");
    }

    /// <summary>The platform's resident memory (VmRSS and RssAnon of /proc/pid/status), in bytes.</summary>
    public (long Resident, long Anonymous) Memory()
    {
        var lines = File.ReadAllLines($"/proc/{Pid}/status");
        return (MachineInfo.Kb(lines, "VmRSS") * 1024, MachineInfo.Kb(lines, "RssAnon") * 1024);
    }

    public void PrintLogSummary() => _log.PrintSummary();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM (Process.Kill would be SIGKILL and leave the cluster running).
            await Tool.RunAsync("kill", ["-TERM", Pid.ToString(CultureInfo.InvariantCulture)], CancellationToken.None);
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                await _process.WaitForExitAsync(patience.Token);
                Console.WriteLine($"Platform stopped (exit code {_process.ExitCode}).");
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine("The platform did not stop within 90 s of SIGTERM; killing it.");
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        await StopClusterLeftRunningAsync();
        _process.Dispose();
        _log.Dispose();
        TestDatabase.Remove(DataDirectory);
    }

    /// <summary>The host stops its cluster when it is disposed; should a pid file remain, say so and stop the cluster here.</summary>
    private async Task StopClusterLeftRunningAsync()
    {
        if (!File.Exists(Path.Combine(PostgresDirectory, "postmaster.pid"))) return;
        Console.Error.WriteLine("The embedded PostgreSQL cluster was still running after the platform stopped; stopping it.");
        var pgCtl = Path.Combine(Pgbench.BinDirectory, "pg_ctl");
        string[] stop = ["stop", "-D", PostgresDirectory, "-m", "fast", "-w"];
        await (Environment.UserName == "root" ? Tool.RunAsync("runuser", ["-u", "postgres", "--", pgCtl, .. stop], CancellationToken.None) : Tool.RunAsync(pgCtl, stop, CancellationToken.None));
    }
}
