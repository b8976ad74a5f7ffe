using FFMpegCore;

namespace Platform.Web.Studies;

/// <summary>What ffprobe reads of a file without decoding a picture: its container, its duration and its video streams.</summary>
public sealed record VideoHeader(string FormatName, TimeSpan Duration, IReadOnlyList<VideoStreamHeader> Streams)
{
    public static VideoHeader From(IMediaAnalysis analysis) => new(
        analysis.Format.FormatName ?? string.Empty,
        analysis.Duration,
        [.. analysis.VideoStreams.Select(s => new VideoStreamHeader(s.Width ?? 0, s.Height ?? 0, s.AverageFrameRate, s.RealFrameRate,
            s.Disposition is { } disposition && disposition.GetValueOrDefault("attached_pic")))]);
}

/// <param name="AverageFrameRate">ffprobe's avg_frame_rate: frames over duration (NaN or 0 when the header has none).</param>
/// <param name="RealFrameRate">ffprobe's r_frame_rate: the rate its timestamps need, guessed from the first packets.</param>
/// <param name="IsPicture">A cover picture (attached_pic) beside the video, not a moving stream: only its size counts.</param>
public sealed record VideoStreamHeader(int Width, int Height, double AverageFrameRate, double RealFrameRate, bool IsPicture)
{
    /// <summary>The average rate when the header states one, else r_frame_rate; null when neither is a positive number.</summary>
    public double? FrameRate => Positive(AverageFrameRate) ?? Positive(RealFrameRate);

    private static double? Positive(double rate) => double.IsFinite(rate) && rate > 0 ? rate : null;
}
