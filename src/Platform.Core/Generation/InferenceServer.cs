using System.Text.Json.Serialization;

namespace Platform.Generation;

public enum ServerProtocol
{
    /// <summary>POST /v1/videos, GET /v1/videos/{id}, …/content, DELETE (SGLang, vLLM-Omni, FastVideo, gateways).</summary>
    [JsonStringEnumMemberName("openai-videos")]
    OpenAiVideos,
    /// <summary>POST /prompt with a workflow graph, GET /history/{id}, GET /view.</summary>
    [JsonStringEnumMemberName("comfyui")]
    ComfyUi,
}

/// <summary>What the admin says about a GPU inference server. The API key is kept only as Data Protection ciphertext.</summary>
public sealed record ServerSettings(
    string Name,
    ServerProtocol Protocol,
    string BaseUrl,
    string? Model,
    int MaxConcurrentJobs,
    GenerationSettings? Defaults,
    string? WorkflowTemplate);

public sealed record InferenceServerRegistered(Guid ServerId, ServerSettings Settings, string? ProtectedApiKey, Guid By, DateTimeOffset At);

/// <param name="ProtectedApiKey">Null keeps the key as it was.</param>
public sealed record InferenceServerChanged(Guid ServerId, ServerSettings Settings, string? ProtectedApiKey, Guid By, DateTimeOffset At);

public sealed record InferenceServerRetired(Guid ServerId, Guid By, DateTimeOffset At);

/// <summary>A registered inference server, folded from its stream.</summary>
public sealed class InferenceServer
{
    public Guid Id { get; set; }
    public ServerSettings Settings { get; set; } = default!;
    public string? ProtectedApiKey { get; set; }
    public bool Retired { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }

    public static InferenceServer Create(InferenceServerRegistered e) => new()
    {
        Id = e.ServerId,
        Settings = e.Settings,
        ProtectedApiKey = e.ProtectedApiKey,
        RegisteredAt = e.At,
    };

    public void Apply(InferenceServerChanged e)
    {
        Settings = e.Settings;
        if (e.ProtectedApiKey is not null) ProtectedApiKey = e.ProtectedApiKey;
    }

    public void Apply(InferenceServerRetired _) => Retired = true;
}
