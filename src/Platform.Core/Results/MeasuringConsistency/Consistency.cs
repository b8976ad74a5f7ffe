using System.Globalization;

namespace Platform.Results;

/// <summary>
/// What a COLMAP run is given: frames taken at <paramref name="FrameRate"/> per second, scaled to at most
/// <paramref name="MaxWidth"/> pixels wide; each frame matched with the next <paramref name="Overlap"/> (sequential matcher);
/// one shared SIMPLE_RADIAL camera, SIFT on the CPU.
/// </summary>
public sealed record ColmapParameters(double FrameRate, int MaxWidth, int Overlap)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"frames at {FrameRate:0.##} fps, at most {MaxWidth} px wide; one SIMPLE_RADIAL camera; SIFT on the CPU; sequential matcher, overlap {Overlap}; mapper defaults");
}

public enum ConsistencyOutcome
{
    /// <summary>COLMAP built a model: the figures are set.</summary>
    Measured,

    /// <summary>COLMAP ran and registered no model, a result about the video (nothing in it holds still in 3D).</summary>
    NoModel,

    /// <summary>The run could not finish (time limit, COLMAP missing or crashing): says nothing about the video.</summary>
    Failed,
}

/// <summary>
/// One video's 3D-consistency measurement (table 4 of the paper) and how it was made; <paramref name="StripMediaId"/> is a
/// strip of six of the frames COLMAP was given, when there were frames.
/// </summary>
public sealed record ConsistencyMeasured(Guid RunId, Guid VideoId, Guid StudyId, ConsistencyOutcome Outcome, int FramesExtracted, Reconstruction? Model,
    string Message, string ColmapVersion, ColmapParameters Parameters, TimeSpan RunTime, DateTimeOffset At, string? StripMediaId = null)
{
    /// <summary>Whether this measurement stands for the video under <paramref name="current"/> parameters: a failed run or other parameters call for another.</summary>
    public bool Settles(ColmapParameters current) => Outcome != ConsistencyOutcome.Failed && Parameters == current;

    /// <summary>How the outcome reads beside the video: "24 of 24 frames registered", "no model: 0 of 48 frames registered".</summary>
    public string Summary => Outcome switch
    {
        ConsistencyOutcome.Measured => $"{Model!.Registered} of {FramesExtracted} frames registered",
        ConsistencyOutcome.NoModel => $"no model: 0 of {FramesExtracted} frames registered",
        _ => $"not measured: {Message}",
    };
}

/// <summary>The per-video metrics a measurement gives, named and directed as the metrics table takes them.</summary>
public static class Consistency
{
    /// <summary>Every COLMAP metric's name begins so; imported metrics may not.</summary>
    public const string Prefix = "colmap_";

    /// <summary>A name that reads as COLMAP's: its prefix in any letter case, also spelled with look-alike letters (fullwidth ｃｏｌｍａｐ_).</summary>
    public static bool IsReserved(string metric) =>
        metric.Normalize(System.Text.NormalizationForm.FormKC).StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    public const string RegisteredShare = "colmap_registered_share";
    public const string Points = "colmap_points";
    public const string TrackLength = "colmap_track_length";
    public const string Error = "colmap_reprojection_error";
    public const string BestError = "colmap_reprojection_error_best_1000";

    /// <summary>
    /// More frames registered and more points are better, lower errors are better. Track length has no agreed direction
    /// (the paper's better model has the shorter tracks); it is declared higher-is-better and its ρ shows which way it runs.
    /// </summary>
    public static readonly IReadOnlyList<MetricDeclared> Declared =
    [
        new(RegisteredShare, true), new(Points, true), new(TrackLength, true), new(Error, false), new(BestError, false),
    ];

    /// <summary>
    /// A model gives all five; no model gives a registered share of 0 and nothing else (there is no error to average);
    /// a failed run gives none: it is no judgment of the video.
    /// </summary>
    public static IEnumerable<VideoMetric> Metrics(ConsistencyMeasured m)
    {
        if (m.Outcome == ConsistencyOutcome.NoModel) yield return new VideoMetric(m.VideoId, RegisteredShare, 0);
        if (m.Outcome != ConsistencyOutcome.Measured || m.Model is not { } model) yield break;
        yield return new VideoMetric(m.VideoId, RegisteredShare, m.FramesExtracted == 0 ? 0 : (double)model.Registered / m.FramesExtracted);
        yield return new VideoMetric(m.VideoId, Points, model.Points);
        foreach (var (name, value) in new[] { (TrackLength, model.TrackLength), (Error, model.ReprojectionError), (BestError, model.BestReprojectionError) })
        {
            if (double.IsFinite(value)) yield return new VideoMetric(m.VideoId, name, value);
        }
    }
}
