namespace Platform.RenderServer.Rendering;

/// <summary>What a client asked for, in either protocol. Everything but the prompt is optional and may be out of range.</summary>
public sealed record RenderRequest(string Prompt)
{
    public string? Model { get; init; }
    public string? NegativePrompt { get; init; }
    public int? Width { get; init; }
    public int? Height { get; init; }
    public double? Fps { get; init; }
    public int? Frames { get; init; }
    public double? Seconds { get; init; }
    public ulong? Seed { get; init; }
    public double? Guidance { get; init; }
    public int? Steps { get; init; }
    public double? Simdrop { get; init; }
}

/// <summary>A request value no clamping can repair, such as a negative size; shown to the client as a 400.</summary>
public sealed class InvalidRenderRequestException(string message) : Exception(message);
