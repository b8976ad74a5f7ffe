using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Generation;

namespace Platform.Web.Generation.Protocols;

/// <summary>
/// The OpenAI-style video job API (<c>POST /v1/videos</c>, <c>GET /v1/videos/{id}</c>, <c>…/content</c>,
/// <c>DELETE</c>) as SGLang diffusion, vLLM-Omni, FastVideo and gateways serve it, with the common extension fields.
/// </summary>
public sealed class OpenAiVideosClient(IHttpClientFactory clients, IConfiguration configuration, TimeProvider clock) : IVideoServerClient
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public ServerProtocol Protocol => ServerProtocol.OpenAiVideos;

    private sealed record CreateVideo(
        string? Model, string Prompt, string? Size, string? NegativePrompt, int? NumFrames, int? Fps, long Seed,
        double? GuidanceScale, int? NumInferenceSteps, double? SimdropScale);

    private sealed record VideoJob(string Id, string? Status, int? Progress, VideoError? Error);

    private sealed record VideoError(string? Code, string? Message);

    public async Task<string> SubmitAsync(ServerConnection server, RemoteRequest request, CancellationToken cancellationToken)
    {
        var s = request.Settings;
        var size = s.Width is { } w && s.Height is { } h ? string.Create(CultureInfo.InvariantCulture, $"{w}x{h}") : null;
        var body = new CreateVideo(server.Settings.Model, request.Prompt, size, s.NegativePrompt, s.Frames, s.Fps, request.Seed, s.GuidanceScale, s.Steps, s.SimDropScale);
        using var message = Http.Request(HttpMethod.Post, server, "/v1/videos", JsonContent.Create(body, options: Json));
        // The same key on every attempt: a server that got the first one returns that job instead of starting another.
        message.Headers.Add("Idempotency-Key", request.Key);
        using var response = await clients.CreateClient(Http.ClientName).SendAsync(message, cancellationToken);
        await Http.EnsureAcceptedAsync(response, clock, cancellationToken);
        var job = await response.Content.ReadFromJsonAsync<VideoJob>(Json, cancellationToken);
        return job?.Id is { Length: > 0 } id ? id : throw new ServerRefusedException("The server accepted the job but sent no id.");
    }

    public async Task<RemoteStatus> StatusAsync(ServerConnection server, string remoteId, CancellationToken cancellationToken)
    {
        using var message = Http.Request(HttpMethod.Get, server, $"/v1/videos/{Uri.EscapeDataString(remoteId)}");
        using var response = await clients.CreateClient(Http.ClientName).SendAsync(message, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return new RemoteStatus.Lost();
        await Http.EnsureAcceptedAsync(response, clock, cancellationToken);
        var job = await response.Content.ReadFromJsonAsync<VideoJob>(Json, cancellationToken);
        return job?.Status switch
        {
            "completed" => new RemoteStatus.Completed(),
            "failed" => new RemoteStatus.Failed(job.Error?.Message ?? job.Error?.Code ?? "The server reports the job failed."),
            "cancelled" => new RemoteStatus.Failed("The job was cancelled on the server."),
            _ => new RemoteStatus.Pending(job?.Progress),
        };
    }

    public async Task DownloadAsync(ServerConnection server, string remoteId, string path, CancellationToken cancellationToken)
    {
        using var message = Http.Request(HttpMethod.Get, server, $"/v1/videos/{Uri.EscapeDataString(remoteId)}/content");
        using var response = await clients.CreateClient(Http.ClientName).SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) throw new JobLostException("The server no longer has the finished video (restarted?).");
        await Http.EnsureAcceptedAsync(response, clock, cancellationToken);
        await Http.SaveAsync(response, path, Studies.VideoLimits.From(configuration).MaxUploadBytes, cancellationToken);
    }

    public async Task CancelAsync(ServerConnection server, string remoteId, CancellationToken cancellationToken)
    {
        using var message = Http.Request(HttpMethod.Delete, server, $"/v1/videos/{Uri.EscapeDataString(remoteId)}");
        using var _ = await clients.CreateClient(Http.ClientName).SendAsync(message, cancellationToken);
    }

    public async Task<string?> ProbeAsync(ServerConnection server, CancellationToken cancellationToken)
    {
        using var message = Http.Request(HttpMethod.Get, server, "/v1/models");
        using var response = await clients.CreateClient(Http.ClientName).SendAsync(message, cancellationToken);
        return response.IsSuccessStatusCode ? null : $"GET /v1/models answered {(int)response.StatusCode}.";
    }
}
