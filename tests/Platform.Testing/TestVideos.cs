namespace Platform.Testing;

/// <summary>Small real video files made with ffmpeg's test sources, one per pattern, cached for the test run.</summary>
public static class TestVideos
{
    private static readonly string Directory = System.IO.Directory.CreateTempSubdirectory("platform-clips-").FullName;
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <param name="hue">Makes clips differ, so each has content of its own.</param>
    public static async Task<string> ClipAsync(int hue = 0, double seconds = 1, int width = 96, int height = 64, int fps = 10)
    {
        var path = Path.Combine(Directory, $"clip-{hue}-{seconds}-{width}x{height}-{fps}.mp4");
        await Gate.WaitAsync();
        try
        {
            if (!File.Exists(path))
            {
                await VideoMeasures.RunAsync("ffmpeg", "-v", "error", "-f", "lavfi", "-i", $"testsrc2=duration={seconds}:size={width}x{height}:rate={fps}",
                    "-vf", $"hue=h={hue}", "-pix_fmt", "yuv420p", "-c:v", "libx264", "-preset", "ultrafast", "-y", path);
            }
        }
        finally
        {
            Gate.Release();
        }
        return path;
    }

    /// <summary>A copy of a clip that differs only in a metadata tag (no re-encoding): other bytes, same pictures.</summary>
    public static Task CopyWithTagAsync(string source, string target, string tag) =>
        VideoMeasures.RunAsync("ffmpeg", "-v", "error", "-i", source, "-c", "copy", "-metadata", $"comment={tag}", "-y", target);

    /// <summary>A copy of a clip carrying a researcher's tags, as a file straight from a training run might.</summary>
    public static Task CopyWithTagsAsync(string source, string target, string title, string comment) =>
        VideoMeasures.RunAsync("ffmpeg", "-v", "error", "-i", source, "-c", "copy", "-metadata", $"title={title}", "-metadata", $"comment={comment}", "-y", target);
}
