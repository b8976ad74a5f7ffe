using FFMpegCore;
using FFMpegCore.Exceptions;
using Platform.Common;

namespace Platform.Web.Studies;

public sealed record ProbedVideo(TimeSpan Duration, int Width, int Height, double FrameRate);

/// <summary>
/// Checks with ffprobe that a file holds a real video stream within the limits (<see cref="VideoLimits.Refusal"/>),
/// from its headers alone: ffprobe is told to skip every picture (-skip_frame all), so H.264, HEVC and the other
/// decoders that honour it decode nothing; those that do not are held by the caps of the run.
/// </summary>
public static class VideoProbe
{
    public static async Task<ProbedVideo> CheckAsync(string path, VideoTools tools, CancellationToken cancellationToken)
    {
        IMediaAnalysis analysis;
        try
        {
            analysis = await tools.AnalyseAsync(path, "read the file's headers", cancellationToken, "-skip_frame all");
        }
        catch (Exception e) when (e is FFMpegException or FormatException or InvalidOperationException or System.Text.Json.JsonException)
        {
            throw new DomainException("The file is not a video that can be read: no video stream was found in it.", DomainError.Unprocessable);
        }
        if (tools.Limits.Refusal(VideoHeader.From(analysis)) is { } refusal)
            throw new DomainException(refusal, DomainError.Unprocessable);
        var video = analysis.PrimaryVideoStream!;
        return new ProbedVideo(analysis.Duration, video.Width ?? 0, video.Height ?? 0, double.IsFinite(video.AverageFrameRate) ? video.AverageFrameRate : 0);
    }
}
