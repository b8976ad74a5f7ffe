using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Platform.Testing;

namespace Platform.Benchmarks;

/// <summary>
/// The reference render server in a process of its own, as <c>./run.sh</c> and a deployment run it: its ffmpeg pipes and
/// threads do not share the measured platform's thread pool (in-process servers would).
/// </summary>
public sealed class RenderServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;
    private readonly HttpClient _admin;

    private RenderServerProcess(Process process, string baseUrl, string directory)
    {
        _process = process;
        _directory = directory;
        BaseUrl = baseUrl;
        _admin = new HttpClient { BaseAddress = new Uri(baseUrl) };
    }

    public string BaseUrl { get; }

    public static async Task<RenderServerProcess> StartAsync(TimeSpan latency, int maxConcurrentJobs)
    {
        var directory = TestDatabase.NewDirectory("render-data");
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "Platform.RenderServer.dll"), "--urls", baseUrl,
            $"--Render:Latency={latency.ToString("c", CultureInfo.InvariantCulture)}",
            $"--Render:MaxConcurrentJobs={maxConcurrentJobs.ToString(CultureInfo.InvariantCulture)}",
            $"--Render:DataDirectory={directory}", "--Logging:LogLevel:Default=Warning",
        })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("The render server did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) Console.Error.WriteLine($"render server: {line}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RenderServerProcess(process, baseUrl, directory);
        for (var waited = 0; ; waited += 100)
        {
            try
            {
                if ((await server._admin.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return server;
            }
            catch (HttpRequestException) when (waited < 30_000 && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    public async Task ResetStatsAsync() => (await _admin.PostAsync("/admin/stats/reset", null)).EnsureSuccessStatusCode();

    public async Task<ReferenceRenderServer.Stats> StatsAsync() => (await _admin.GetFromJsonAsync<ReferenceRenderServer.Stats>("/admin/stats", ApiClient.Json))!;

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        TestDatabase.Remove(_directory);
    }

    /// <summary>A loopback port free at the moment of asking.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
