using System.Text.Json.Nodes;
using Platform.Generation;

namespace Platform.Web.Generation.Protocols;

/// <summary>
/// ComfyUI's HTTP API: <c>POST /prompt</c> with the server's workflow template filled in and our own prompt_id,
/// <c>GET /history/{id}</c> (and <c>GET /queue</c> to tell a waiting job from a forgotten one), <c>GET /view</c>.
/// </summary>
public sealed class ComfyUiClient(IHttpClientFactory clients, IConfiguration configuration, TimeProvider clock) : IVideoServerClient
{
    private static readonly string[] QueueLists = ["queue_running", "queue_pending"];
    private static readonly string[] OutputKinds = ["gifs", "videos", "images"];

    public ServerProtocol Protocol => ServerProtocol.ComfyUi;

    public async Task<string> SubmitAsync(ServerConnection server, RemoteRequest request, CancellationToken cancellationToken)
    {
        var template = server.Settings.WorkflowTemplate ?? throw new ServerRefusedException("The server has no workflow template.");
        var graph = JsonNode.Parse(WorkflowTemplate.Fill(template, WorkflowTemplate.Values(request.Prompt, request.Seed, request.Settings)));
        var body = new JsonObject { ["prompt"] = graph, ["client_id"] = "platform", ["prompt_id"] = request.Key };
        using var message = Http.Request(HttpMethod.Post, server, "/prompt", JsonContent.Create(body));
        using var response = await clients.CreateClient(Http.ClientName).SendAsync(message, cancellationToken);
        await Http.EnsureAcceptedAsync(response, clock, cancellationToken);
        var answer = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return answer?["prompt_id"]?.GetValue<string>() ?? request.Key;
    }

    public async Task<RemoteStatus> StatusAsync(ServerConnection server, string remoteId, CancellationToken cancellationToken)
    {
        // Queue first: ComfyUI moves a prompt from the queue to the history at once, so read in this order a job that
        // finishes in between is found in the history rather than in neither (which would read as lost).
        if (await QueueOfAsync(server, remoteId, cancellationToken) is not null) return new RemoteStatus.Pending(null);
        var history = await HistoryAsync(server, remoteId, cancellationToken);
        if (history is not null)
        {
            var status = history["status"];
            if (status?["status_str"]?.GetValue<string>() == "error") return new RemoteStatus.Failed(ErrorOf(status));
            if (Output(history) is not null) return new RemoteStatus.Completed();
            if (status?["completed"]?.GetValue<bool>() == true) return new RemoteStatus.Failed("The workflow finished without a video output.");
        }
        return new RemoteStatus.Lost();
    }

    public async Task DownloadAsync(ServerConnection server, string remoteId, string path, CancellationToken cancellationToken)
    {
        var history = await HistoryAsync(server, remoteId, cancellationToken) ?? throw new JobLostException("The server no longer has the job's history (restarted?).");
        var file = Output(history) ?? throw new IOException("The job's history names no video file.");
        var query = $"/view?filename={Uri.EscapeDataString(Text(file["filename"]))}&subfolder={Uri.EscapeDataString(Text(file["subfolder"]))}&type={Uri.EscapeDataString(Text(file["type"], "output"))}";
        using var message = Http.Request(HttpMethod.Get, server, query);
        using var response = await clients.CreateClient(Http.ClientName).SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await Http.EnsureAcceptedAsync(response, clock, cancellationToken);
        await Http.SaveAsync(response, path, Studies.VideoLimits.From(configuration).MaxUploadBytes, cancellationToken);
    }

    /// <summary>A waiting prompt is deleted from the queue; a running one is interrupted (ComfyUI's queue delete skips it).</summary>
    public async Task CancelAsync(ServerConnection server, string remoteId, CancellationToken cancellationToken)
    {
        var running = await QueueOfAsync(server, remoteId, cancellationToken) == "queue_running";
        using var message = running
            ? Http.Request(HttpMethod.Post, server, "/interrupt", JsonContent.Create(new JsonObject { ["prompt_id"] = remoteId }))
            : Http.Request(HttpMethod.Post, server, "/queue", JsonContent.Create(new JsonObject { ["delete"] = new JsonArray(remoteId) }));
        using var _ = await clients.CreateClient(Http.ClientName).SendAsync(message, cancellationToken);
    }

    public async Task<string?> ProbeAsync(ServerConnection server, CancellationToken cancellationToken)
    {
        using var message = Http.Request(HttpMethod.Get, server, "/system_stats");
        using var response = await clients.CreateClient(Http.ClientName).SendAsync(message, cancellationToken);
        return response.IsSuccessStatusCode ? null : $"GET /system_stats answered {(int)response.StatusCode}.";
    }

    private async Task<JsonNode?> HistoryAsync(ServerConnection server, string remoteId, CancellationToken cancellationToken)
    {
        using var message = Http.Request(HttpMethod.Get, server, $"/history/{Uri.EscapeDataString(remoteId)}");
        using var response = await clients.CreateClient(Http.ClientName).SendAsync(message, cancellationToken);
        await Http.EnsureAcceptedAsync(response, clock, cancellationToken);
        var all = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return all?[remoteId];
    }

    /// <summary>"queue_running" or "queue_pending" when the prompt is in that list, null when in neither.</summary>
    private async Task<string?> QueueOfAsync(ServerConnection server, string remoteId, CancellationToken cancellationToken)
    {
        using var message = Http.Request(HttpMethod.Get, server, "/queue");
        using var response = await clients.CreateClient(Http.ClientName).SendAsync(message, cancellationToken);
        await Http.EnsureAcceptedAsync(response, clock, cancellationToken);
        var queue = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        // Entries are [number, prompt_id, …]: look for the id anywhere in them.
        return QueueLists.FirstOrDefault(list =>
            (queue?[list]?.AsArray() ?? []).Any(entry => entry?.ToJsonString().Contains($"\"{remoteId}\"", StringComparison.Ordinal) == true));
    }

    /// <summary>The first video file among the outputs: VideoHelperSuite puts it under "gifs", core nodes under "images" (animated) or "videos".</summary>
    private static JsonNode? Output(JsonNode history) =>
        (history["outputs"]?.AsObject() ?? [])
            .SelectMany(node => OutputKinds.SelectMany(kind => node.Value?[kind]?.AsArray() ?? []))
            .FirstOrDefault(file => file?["filename"] is not null && (file["format"]?.ToString().StartsWith("video", StringComparison.Ordinal) == true
                || Text(file["filename"]).EndsWith(".mp4", StringComparison.OrdinalIgnoreCase) || Text(file["filename"]).EndsWith(".webm", StringComparison.OrdinalIgnoreCase)));

    private static string ErrorOf(JsonNode status) =>
        (status["messages"]?.AsArray() ?? [])
            .Select(m => m?[1]?["exception_message"]?.ToString())
            .FirstOrDefault(text => !string.IsNullOrWhiteSpace(text)) ?? "The workflow failed on the server.";

    private static string Text(JsonNode? node, string fallback = "") => node?.ToString() is { Length: > 0 } text ? text : fallback;
}
