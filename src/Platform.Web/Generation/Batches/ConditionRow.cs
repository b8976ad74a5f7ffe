using System.Globalization;
using Platform.Generation;

namespace Platform.Web.Generation.Batches;

/// <summary>The editable mapping of one study condition to a server and its settings on the generation page.</summary>
public sealed class ConditionRow
{
    public string Condition { get; set; } = string.Empty;
    public string Label { get; set; } = string.Empty;
    public bool Include { get; set; } = true;
    public Guid? ServerId { get; set; }
    public double? GuidanceScale { get; set; }
    public double? SimDropScale { get; set; }
    public string? NegativePrompt { get; set; }
    public int? Steps { get; set; }
    public int? Frames { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
    public int? Fps { get; set; }

    public ConditionPlan? ToPlan() => Include && ServerId is { } server
        ? new ConditionPlan(Condition, server, new GenerationSettings(
            GuidanceScale, SimDropScale, string.IsNullOrWhiteSpace(NegativePrompt) ? null : NegativePrompt, Steps, Frames, Width, Height, Fps))
        : null;

    /// <summary>Prefills from the condition's free settings (e.g. "guidance = 0.1", "simdrop = 0.2", "frames = 49").</summary>
    public static ConditionRow From(Platform.Studies.Condition condition, Guid? server)
    {
        double? Number(params string[] names) => names.Select(n => condition.Settings?.GetValueOrDefault(n)).FirstOrDefault(v => v is not null) is { } text
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
        // Out of int's range is left to the server's default rather than wrapping around.
        int? Whole(params string[] names) => Number(names) is { } value && value is >= int.MinValue and <= int.MaxValue ? (int)value : null;
        return new ConditionRow
        {
            Condition = condition.Key,
            Label = condition.Label,
            ServerId = server,
            GuidanceScale = Number("guidance", "guidance_scale", "cfg"),
            SimDropScale = Number("simdrop", "simdrop_scale"),
            Steps = Whole("steps"),
            Frames = Whole("frames", "num_frames"),
            Width = Whole("width"),
            Height = Whole("height"),
            Fps = Whole("fps"),
        };
    }

    /// <summary>Lines "task | prompt" or just "prompt" (the default task).</summary>
    public static IReadOnlyList<PromptToGenerate> Prompts(string text, string defaultTask) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('|', 2, StringSplitOptions.TrimEntries) is [var task, var prompt] ? new PromptToGenerate(prompt, task) : new PromptToGenerate(line, defaultTask))];

    public static IReadOnlyList<int> Seeds(string text) =>
        [.. text.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries)
            .Select(s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : -1)];
}
