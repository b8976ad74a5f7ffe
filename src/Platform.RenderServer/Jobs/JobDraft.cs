using Platform.RenderServer.Rendering;

namespace Platform.RenderServer.Jobs;

/// <summary>A job as a protocol endpoint asks for it, before the queue gives it a number and its faults.</summary>
public sealed record JobDraft(string Id, string FileName, RenderSettings Settings)
{
    /// <summary>A client's Idempotency-Key: a second submission with the same key gets the first job back.</summary>
    public string? IdempotencyKey { get; init; }

    public ComfyWorkflow? Workflow { get; init; }
}
