using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Platform.RenderServer;

namespace Platform.Testing;

/// <summary>The project's reference render server on a real loopback port, with its fault switches and counters.</summary>
public sealed class ReferenceRenderServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    private ReferenceRenderServer(WebApplication app, string baseUrl, string directory)
    {
        _app = app;
        _directory = directory;
        BaseUrl = baseUrl;
        Admin = new HttpClient { BaseAddress = new Uri(baseUrl) };
    }

    public string BaseUrl { get; }

    /// <summary>Reaches /admin (faults, restart, stats), which needs no API key.</summary>
    public HttpClient Admin { get; }

    public static async Task<ReferenceRenderServer> StartAsync(TimeSpan? latency = null, int maxConcurrentJobs = 8, string? apiKey = null)
    {
        var directory = TestDatabase.NewDirectory("render-data");
        var app = RenderServerApp.Build(["--urls", "http://127.0.0.1:0"], o =>
        {
            o.Latency = latency ?? TimeSpan.FromMilliseconds(200);
            o.MaxConcurrentJobs = maxConcurrentJobs;
            o.ApiKey = apiKey;
            o.DataDirectory = directory;
        });
        await app.StartAsync();
        return new ReferenceRenderServer(app, app.Urls.First(), directory);
    }

    public sealed record Faults(double ErrorRate = 0, int RejectNext = 0, int RejectStatus = 429, int? RetryAfterSeconds = null, bool Hang = false, bool TruncateContent = false);

    public sealed record Stats(int Submitted, int Rendered, int Failed, int Cancelled, int Running, int MaxConcurrentObserved, double BusySeconds);

    public async Task InjectAsync(Faults faults) => (await Admin.PutAsJsonAsync("/admin/faults", faults, ApiClient.Json)).EnsureSuccessStatusCode();

    public async Task RestartAsync() => (await Admin.PostAsync("/admin/restart", null)).EnsureSuccessStatusCode();

    public async Task ResetStatsAsync() => (await Admin.PostAsync("/admin/stats/reset", null)).EnsureSuccessStatusCode();

    public async Task<Stats> StatsAsync() => (await Admin.GetFromJsonAsync<Stats>("/admin/stats", ApiClient.Json))!;

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        TestDatabase.Remove(_directory);
    }
}
