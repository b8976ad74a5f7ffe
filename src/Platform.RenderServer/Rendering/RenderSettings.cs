using System.Globalization;

namespace Platform.RenderServer.Rendering;

/// <summary>A render request with defaults filled in and every value clamped to what the server renders.</summary>
public sealed record RenderSettings(
    string Model,
    string Prompt,
    string? NegativePrompt,
    int Width,
    int Height,
    int Fps,
    int Frames,
    ulong Seed,
    double? Guidance,
    int? Steps,
    double? Simdrop)
{
    public const string DefaultModel = "reference-render";
    private const int MaxSide = 1280;
    private const int MaxFps = 60;
    private const int MaxSeconds = 10;

    public string Size => $"{Width}x{Height}";

    public string Seconds => ((double)Frames / Fps).ToString("0.###", CultureInfo.InvariantCulture);

    public static RenderSettings From(RenderRequest request)
    {
        var fps = (int)Math.Clamp(Math.Round(Positive(request.Fps, 16, "fps")), 1, MaxFps);
        var frames = request.Frames is { } f
            ? (int)Positive(f, 0, "num_frames")
            : (int)Math.Max(1, Math.Round(Positive(request.Seconds, 2, "seconds") * fps));
        return new RenderSettings(
            string.IsNullOrWhiteSpace(request.Model) ? DefaultModel : request.Model.Trim(),
            request.Prompt.Trim(),
            string.IsNullOrWhiteSpace(request.NegativePrompt) ? null : request.NegativePrompt.Trim(),
            Side(request.Width, 320, "width"),
            Side(request.Height, 240, "height"),
            fps,
            Math.Min(frames, MaxSeconds * fps),
            request.Seed ?? 0,
            request.Guidance is { } g ? Math.Clamp(g, 0, 30) : null,
            request.Steps is { } s ? (int)Math.Min(Positive(s, 0, "num_inference_steps"), 1000) : null,
            request.Simdrop is { } d ? Math.Clamp(d, 0, 1) : null);
    }

    private static int Side(int? value, int fallback, string name)
    {
        var side = (int)Math.Clamp(Positive(value, fallback, name), 16, MaxSide);
        return side - side % 2;
    }

    private static double Positive(double? value, double fallback, string name) => value switch
    {
        null => fallback,
        > 0 and < double.PositiveInfinity => value.Value,
        _ => throw new InvalidRenderRequestException($"{name} must be a positive number"),
    };
}
