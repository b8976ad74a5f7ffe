namespace Platform.Generation;

/// <summary>
/// How one video is generated. Null means "the server's default". <see cref="NegativePrompt"/> is where a study puts
/// its special tags (e.g. the synthetic-style tags of table 7 of the paper).
/// </summary>
public sealed record GenerationSettings(
    double? GuidanceScale = null,
    double? SimDropScale = null,
    string? NegativePrompt = null,
    int? Steps = null,
    int? Frames = null,
    int? Width = null,
    int? Height = null,
    int? Fps = null)
{
    public static readonly GenerationSettings None = new();

    /// <summary>These settings, with the gaps filled from <paramref name="defaults"/>.</summary>
    public GenerationSettings Over(GenerationSettings? defaults) => defaults is null ? this : new(
        GuidanceScale ?? defaults.GuidanceScale,
        SimDropScale ?? defaults.SimDropScale,
        NegativePrompt ?? defaults.NegativePrompt,
        Steps ?? defaults.Steps,
        Frames ?? defaults.Frames,
        Width ?? defaults.Width,
        Height ?? defaults.Height,
        Fps ?? defaults.Fps);

    /// <summary>Every problem with the values, for one message.</summary>
    public IEnumerable<string> Problems()
    {
        if (GuidanceScale is < 0 or > 100) yield return "a guidance scale between 0 and 100";
        if (SimDropScale is < 0 or > 1) yield return "a SimDrop scale between 0 and 1";
        if (NegativePrompt is { Length: > 4000 }) yield return "a negative prompt of at most 4000 characters";
        if (Steps is < 1 or > 1000) yield return "1 to 1000 steps";
        if (Frames is < 1 or > 1000) yield return "1 to 1000 frames";
        if (Width is < 16 or > 4096 || Height is < 16 or > 4096) yield return "a width and height of 16 to 4096 pixels";
        if (Fps is < 1 or > 120) yield return "1 to 120 frames per second";
    }
}
