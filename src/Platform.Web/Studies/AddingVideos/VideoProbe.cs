using FFMpegCore;
using FFMpegCore.Exceptions;
using Platform.Common;

namespace Platform.Studies;

public sealed record ProbedVideo(TimeSpan Duration, int Width, int Height, double FrameRate);

/// <summary>Checks with ffprobe that a file holds a real video stream within the configured limits.</summary>
public static class VideoProbe
{
    /// <param name="tools">Where ffprobe is (<see cref="VideoTools"/>).</param>
    public static async Task<ProbedVideo> CheckAsync(string path, VideoLimits limits, FFOptions tools, CancellationToken cancellationToken)
    {
        IMediaAnalysis analysis;
        try
        {
            analysis = await FFProbe.AnalyseAsync(path, tools, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is FFMpegException or FormatException or InvalidOperationException or System.Text.Json.JsonException)
        {
            throw new DomainException("The file is not a video ffprobe can read.", DomainError.Unprocessable);
        }
        var video = analysis.PrimaryVideoStream;
        if (video is not { Width: > 0, Height: > 0 } || IsStillImage(analysis))
            throw new DomainException("The file has no video stream.", DomainError.Unprocessable);
        if (analysis.Duration <= TimeSpan.Zero)
            throw new DomainException("The video has no duration.", DomainError.Unprocessable);
        if (analysis.Duration.TotalSeconds > limits.MaxDurationSeconds)
            throw new DomainException($"The video lasts {analysis.Duration.TotalSeconds:0.#} s; at most {limits.MaxDurationSeconds:0.#} s are accepted.", DomainError.Unprocessable);
        return new ProbedVideo(analysis.Duration, video.Width.Value, video.Height.Value, video.AverageFrameRate);
    }

    // ffprobe reports a JPEG or PNG as a one-frame "video" stream of an image format.
    private static bool IsStillImage(IMediaAnalysis analysis) =>
        analysis.Format.FormatName is "image2" or "png_pipe" or "jpeg_pipe" or "gif" or "webp_pipe" or "bmp_pipe";
}
