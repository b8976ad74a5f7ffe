using System.Diagnostics;

namespace Platform.RenderServer.Tests.Support;

public sealed record VideoTrack(string Codec, int Width, int Height, string PixelFormat, int Frames);

/// <summary>Asks the real ffprobe/ffmpeg what is in an MP4, so tests check the file and not the server's word.</summary>
public static class Ffprobe
{
    public static async Task<VideoTrack> VideoTrackAsync(byte[] mp4)
    {
        var json = await RunAsync("ffprobe", mp4, "-v", "error", "-select_streams", "v:0", "-count_frames",
            "-show_entries", "stream=codec_name,width,height,pix_fmt,nb_read_frames", "-of", "json");
        var stream = JsonDocument.Parse(json).RootElement.GetProperty("streams")[0];
        return new VideoTrack(
            stream.GetProperty("codec_name").GetString()!,
            stream.GetProperty("width").GetInt32(),
            stream.GetProperty("height").GetInt32(),
            stream.GetProperty("pix_fmt").GetString()!,
            int.Parse(stream.GetProperty("nb_read_frames").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Mean absolute difference (0..255) between the decoded RGB pixels of two videos of the same size.</summary>
    public static async Task<double> MeanPixelDifferenceAsync(byte[] first, byte[] second)
    {
        var a = await DecodeAsync(first);
        var b = await DecodeAsync(second);
        var length = Math.Min(a.Length, b.Length);
        long sum = 0;
        for (var i = 0; i < length; i++)
        {
            sum += Math.Abs(a[i] - b[i]);
        }
        return (double)sum / length;
    }

    private static async Task<byte[]> DecodeAsync(byte[] mp4)
    {
        var path = await WriteTempAsync(mp4);
        try
        {
            var start = Start("ffmpeg", "-v", "error", "-i", path, "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1");
            using var process = Process.Start(start)!;
            using var pixels = new MemoryStream();
            var errors = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.BaseStream.CopyToAsync(pixels);
            await process.WaitForExitAsync();
            process.ExitCode.Should().Be(0, await errors);
            return pixels.ToArray();
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<string> RunAsync(string tool, byte[] mp4, params string[] arguments)
    {
        var path = await WriteTempAsync(mp4);
        try
        {
            using var process = Process.Start(Start(tool, [.. arguments, path]))!;
            var errors = process.StandardError.ReadToEndAsync();
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            process.ExitCode.Should().Be(0, await errors);
            return output;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static ProcessStartInfo Start(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return start;
    }

    private static async Task<string> WriteTempAsync(byte[] mp4)
    {
        var path = Path.Combine(Path.GetTempPath(), $"render-server-test-{Guid.NewGuid():N}.mp4");
        await File.WriteAllBytesAsync(path, mp4);
        return path;
    }
}
