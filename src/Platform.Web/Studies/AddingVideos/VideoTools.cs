using FFMpegCore;

namespace Platform.Studies;

/// <summary>Videos:FFmpegFolder: the folder holding the ffmpeg and ffprobe the video pipeline runs (unset: those on the PATH).</summary>
public static class VideoTools
{
    public static FFOptions From(IConfiguration configuration)
    {
        var options = GlobalFFOptions.Current.Clone();
        var folder = configuration["Videos:FFmpegFolder"];
        if (!string.IsNullOrWhiteSpace(folder)) options.BinaryFolder = folder;
        return options;
    }
}
