using System.Text.Json.Nodes;

namespace Platform.RenderServer.Jobs;

/// <summary>What a ComfyUI client sent, kept to echo it in /history and /queue the way ComfyUI does.</summary>
public sealed record ComfyWorkflow(JsonObject Graph, string OutputNodeId, string OutputNodeType, string? ClientId);
