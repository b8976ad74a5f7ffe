using Microsoft.AspNetCore.Builder;

namespace Platform.RenderServer.Tests.Support;

/// <summary>The render server on a real Kestrel loopback port, with its own data directory and a short latency.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly DirectoryInfo data;

    private RunningServer(WebApplication app, DirectoryInfo data)
    {
        this.app = app;
        this.data = data;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Client { get; }

    public static async Task<RunningServer> StartAsync(Action<RenderOptions>? configure = null, params string[] args)
    {
        var data = Directory.CreateTempSubdirectory("render-server-tests-");
        var app = RenderServerApp.Build(["--urls", "http://127.0.0.1:0", .. args], options =>
        {
            options.Latency = TimeSpan.FromMilliseconds(200);
            options.DataDirectory = data.FullName;
            configure?.Invoke(options);
        });
        await app.StartAsync();
        return new RunningServer(app, data);
    }

    public async Task<JsonElement> GetJsonAsync(string path) =>
        await Client.GetFromJsonAsync<JsonElement>(path);

    public async Task<(HttpStatusCode Status, JsonElement Body)> PostJsonAsync(string path, object body)
    {
        using var response = await Client.PostAsJsonAsync(path, body);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public Task<JsonElement> StatsAsync() => GetJsonAsync("/admin/stats");

    public async Task SetFaultsAsync(object faults)
    {
        using var response = await Client.PutAsJsonAsync("/admin/faults", faults);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Submits an OpenAI-style job (tiny, quick by default) and returns its id.</summary>
    public async Task<string> SubmitVideoAsync(object? body = null)
    {
        var (status, json) = await PostJsonAsync("/v1/videos", body ?? Videos.Tiny("a red fox runs through snow"));
        status.Should().Be(HttpStatusCode.Created);
        return json.GetProperty("id").GetString()!;
    }

    public Task<JsonElement> WaitForVideoAsync(string id, params string[] statuses) =>
        Eventually.ReturnsAsync(() => GetJsonAsync($"/v1/videos/{id}"), video => statuses.Contains(video.GetProperty("status").GetString()), $"video {id} reaches {string.Join(" or ", statuses)}");

    public async Task<byte[]> DownloadVideoAsync(string id)
    {
        await WaitForVideoAsync(id, "completed");
        return await Client.GetByteArrayAsync($"/v1/videos/{id}/content");
    }

    /// <summary>Polls /history until the prompt has an entry, and returns that entry.</summary>
    public async Task<JsonElement> WaitForHistoryAsync(string promptId)
    {
        var history = await Eventually.ReturnsAsync(() => GetJsonAsync($"/history/{promptId}"), h => h.TryGetProperty(promptId, out _), $"prompt {promptId} shows in the history");
        return history.GetProperty(promptId);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        data.Delete(recursive: true);
    }
}
