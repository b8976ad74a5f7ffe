using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Web.Studies;

/// <summary>
/// What a candidate video may be (Videos:MaxUploadBytes, MaxDurationSeconds, MaxLongSide, MaxShortSide, MaxFrameRate,
/// MaxPixelsPerSecond), checked from ffprobe's headers before any picture is decoded. The size is bounded by the long
/// and the short side, so a portrait video is held to the same limits as a landscape one; the defaults take 4K (DCI
/// and UHD) up to 30 frames per second and 1080p up to 120.
/// </summary>
public sealed partial record VideoLimits(long MaxUploadBytes, double MaxDurationSeconds, int MaxLongSide, int MaxShortSide, double MaxFrameRate, long MaxPixelsPerSecond)
{
    public static VideoLimits From(IConfiguration configuration) => new(
        configuration.GetValue("Videos:MaxUploadBytes", 500L * 1024 * 1024),
        configuration.GetValue("Videos:MaxDurationSeconds", 120.0),
        configuration.GetValue("Videos:MaxLongSide", 4096),
        configuration.GetValue("Videos:MaxShortSide", 2160),
        configuration.GetValue("Videos:MaxFrameRate", 120.0),
        configuration.GetValue("Videos:MaxPixelsPerSecond", 300_000_000L));

    /// <summary>The most pixels a decoded picture may have: ffmpeg's decoders are held to it (-max_pixels), whatever the header said.</summary>
    public long MaxPixelsPerFrame => Math.Min((long)MaxLongSide * MaxShortSide, int.MaxValue);

    /// <summary>Why a file is refused from its headers alone; null when it is within the limits.</summary>
    public string? Refusal(VideoHeader header)
    {
        var moving = header.Streams.Where(s => !s.IsPicture && s.Width > 0 && s.Height > 0).ToList();
        if (moving.Count == 0 || IsStillImage(header.FormatName)) return "The file has no video stream.";
        if (header.Duration <= TimeSpan.Zero) return "The video has no duration.";
        if (header.Duration.TotalSeconds > MaxDurationSeconds)
            return Text($"The video lasts {header.Duration.TotalSeconds:0.#} s; at most {MaxDurationSeconds:0.#} s are accepted.");
        // Every video stream counts, cover pictures too: ffmpeg picks the largest stream when it converts a file.
        if (header.Streams.FirstOrDefault(s => !WithinSize(s.Width, s.Height)) is { } large)
            return Text($"The video is {large.Width}×{large.Height} pixels; at most {MaxLongSide} on the long side and {MaxShortSide} on the short side are accepted.");
        foreach (var stream in moving)
        {
            if (stream.FrameRate is not { } rate)
                return "The video's header gives no frame rate, so what decoding it would cost cannot be known.";
            if (rate > MaxFrameRate)
                return Text($"The video has {rate:0.##} frames per second; at most {MaxFrameRate:0.##} are accepted.");
            var pixelsPerSecond = (double)stream.Width * stream.Height * rate;
            if (pixelsPerSecond > MaxPixelsPerSecond)
                return Text($"The video has {pixelsPerSecond / 1e6:0.#} million pixels per second ({stream.Width}×{stream.Height} at {rate:0.##} frames per second); at most {MaxPixelsPerSecond / 1e6:0.#} million are accepted.");
        }
        return null;
    }

    /// <summary>
    /// Why a file is refused when ffmpeg met pictures larger than <see cref="MaxPixelsPerFrame"/> (its decoder drops
    /// them): a header that lied, e.g. a new H.264 sequence header half-way; null when ffmpeg met none.
    /// </summary>
    public string? OversizedFrames(IEnumerable<string> standardError)
    {
        foreach (var line in standardError)
        {
            if (OversizedPicture().Match(line) is not { Success: true } found) continue;
            return Text($"The video has pictures of {found.Groups[1].Value}×{found.Groups[2].Value} pixels, larger than its header says; at most {MaxLongSide} on the long side and {MaxShortSide} on the short side are accepted.");
        }
        return null;
    }

    /// <summary>A size for people: "500 MiB", "78.1 KiB", "900 bytes".</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.#} MiB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB"),
        _ => $"{bytes} bytes",
    };

    private bool WithinSize(int width, int height) => Math.Max(width, height) <= MaxLongSide && Math.Min(width, height) <= MaxShortSide;

    // ffprobe reports a JPEG or PNG as a one-frame "video" stream of an image format.
    private static bool IsStillImage(string formatName) =>
        formatName is "image2" or "png_pipe" or "jpeg_pipe" or "gif" or "webp_pipe" or "bmp_pipe";

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // libavutil's av_image_check_size2, when a picture is over the decoder's max_pixels.
    [GeneratedRegex(@"Picture size (\d+)x(\d+) exceeds specified max pixel count")]
    private static partial Regex OversizedPicture();
}
