using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Platform.Generation;

/// <summary>The values a ComfyUI workflow template's placeholders take for one job.</summary>
public sealed record WorkflowValues(string Prompt, string NegativePrompt, long Seed, int Steps, double Guidance, int Frames, int Width, int Height, int Fps, double SimDrop);

/// <summary>
/// Fills a ComfyUI API-format workflow: <c>"{{prompt}}"</c> and <c>"{{negative_prompt}}"</c> inside JSON strings take
/// the escaped text, the numeric placeholders (<c>{{seed}}</c>, <c>{{steps}}</c>, <c>{{guidance}}</c>, <c>{{frames}}</c>,
/// <c>{{width}}</c>, <c>{{height}}</c>, <c>{{fps}}</c>, <c>{{simdrop}}</c>) stand bare where a number goes.
/// </summary>
public static class WorkflowTemplate
{
    /// <summary>What an unset setting becomes when the template asks for it.</summary>
    public static readonly GenerationSettings Fallbacks = new(GuidanceScale: 6.0, SimDropScale: 0, NegativePrompt: "", Steps: 30, Frames: 33, Width: 512, Height: 320, Fps: 16);

    public static readonly WorkflowValues Sample = Values("a dancer spins", 0, GenerationSettings.None);

    public static WorkflowValues Values(string prompt, long seed, GenerationSettings settings)
    {
        var s = settings.Over(Fallbacks);
        return new WorkflowValues(prompt, s.NegativePrompt!, seed, s.Steps!.Value, s.GuidanceScale!.Value, s.Frames!.Value, s.Width!.Value, s.Height!.Value, s.Fps!.Value, s.SimDropScale!.Value);
    }

    public static string Fill(string template, WorkflowValues v) => template
        .Replace("{{prompt}}", Text(v.Prompt), StringComparison.Ordinal)
        .Replace("{{negative_prompt}}", Text(v.NegativePrompt), StringComparison.Ordinal)
        .Replace("{{seed}}", v.Seed.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{{steps}}", v.Steps.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{{guidance}}", v.Guidance.ToString("R", CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{{frames}}", v.Frames.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{{width}}", v.Width.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{{height}}", v.Height.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{{fps}}", v.Fps.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{{simdrop}}", v.SimDrop.ToString("R", CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // The text as it goes between the quotes of a JSON string.
    private static string Text(string value) => JsonSerializer.Serialize(value, Relaxed)[1..^1];
}
