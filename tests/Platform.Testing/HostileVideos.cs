namespace Platform.Testing;

/// <summary>
/// Small files that would cost a great deal to decode (issue 13's video bombs), made with real ffmpeg once per test run.
/// </summary>
public static class HostileVideos
{
    private static readonly string Directory = System.IO.Directory.CreateTempSubdirectory("platform-hostile-").FullName;
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Two black 8192×8192 pictures in H.264: about 200 KB on disk, 67 million pixels each to decode.</summary>
    public static Task<string> HugePicturesAsync() =>
        MakeAsync("huge-8192x8192.mp4", Encode("color=c=black:s=8192x8192:r=10", frames: 2));

    /// <summary>One hundred 96×64 pictures in a tenth of a second: 1000 frames per second.</summary>
    public static Task<string> ThousandFramesPerSecondAsync() =>
        MakeAsync("fast-1000fps.mp4", Encode("testsrc2=s=96x64:r=1000", frames: 100));

    /// <summary>UHD (3840×2160) at 60 frames per second, two pictures long: 498 million pixels a second.</summary>
    public static Task<string> UhdAt60Async() =>
        MakeAsync("uhd-60fps.mp4", Encode("color=c=gray:s=3840x2160:r=60", frames: 2));

    /// <summary>
    /// A header that lies: the H.264 sequence header ffprobe reads says 96×64 (ten pictures), then a second sequence
    /// header in the stream switches to two pictures of <paramref name="width"/>×<paramref name="height"/>.
    /// </summary>
    public static async Task<string> GrowingAsync(int width, int height)
    {
        var small = await MakeAsync("growing-start.h264", [.. Encode("testsrc2=s=96x64:r=10", frames: 10), "-f", "h264"]);
        var large = await MakeAsync($"growing-{width}x{height}.h264", [.. Encode($"color=c=white:s={width}x{height}:r=10", frames: 2), "-f", "h264"]);
        var joined = Path.Combine(Directory, $"growing-{width}x{height}-joined.h264");
        var path = Path.Combine(Directory, $"growing-{width}x{height}.mp4");
        await Gate.WaitAsync();
        try
        {
            if (!File.Exists(path))
            {
                await File.WriteAllBytesAsync(joined, [.. await File.ReadAllBytesAsync(small), .. await File.ReadAllBytesAsync(large)]);
                await VideoMeasures.RunAsync("ffmpeg", "-v", "error", "-r", "10", "-i", joined, "-c", "copy", "-y", path);
            }
        }
        finally
        {
            Gate.Release();
        }
        return path;
    }

    private static string[] Encode(string source, int frames) =>
        ["-f", "lavfi", "-i", source, "-frames:v", frames.ToString(System.Globalization.CultureInfo.InvariantCulture),
         "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-threads", "1", "-pix_fmt", "yuv420p"];

    private static async Task<string> MakeAsync(string name, string[] arguments)
    {
        var path = Path.Combine(Directory, name);
        await Gate.WaitAsync();
        try
        {
            if (!File.Exists(path))
                await VideoMeasures.RunAsync("ffmpeg", ["-v", "error", .. arguments, "-y", path]);
        }
        finally
        {
            Gate.Release();
        }
        return path;
    }
}
