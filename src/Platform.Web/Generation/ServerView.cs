using Platform.Generation;

namespace Platform.Web.Generation.Servers;

/// <summary>A server as the API and the pages show it: its settings without the key, and its last health check.</summary>
public sealed record ServerView(Guid Id, string Name, ServerProtocol Protocol, string BaseUrl, string? Model, int MaxConcurrentJobs,
    GenerationSettings? Defaults, string? WorkflowTemplate, bool HasApiKey, HealthState Health, string? HealthReason, DateTimeOffset? CheckedAt)
{
    public static ServerView From(InferenceServer s, ServerHealth? h) => new(s.Id, s.Settings.Name, s.Settings.Protocol, s.Settings.BaseUrl, s.Settings.Model,
        s.Settings.MaxConcurrentJobs, s.Settings.Defaults, s.Settings.WorkflowTemplate, s.ProtectedApiKey is not null, h?.State ?? HealthState.Unknown, h?.Reason, h?.CheckedAt);
}
