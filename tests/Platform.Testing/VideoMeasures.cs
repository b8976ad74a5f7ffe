using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Testing;

/// <summary>What ffmpeg sees in a video, for assertions on the pictures rather than on the bytes.</summary>
public static partial class VideoMeasures
{
    /// <summary>The MD5 of each decoded frame (ffmpeg's framemd5 muxer).</summary>
    public static async Task<IReadOnlyList<string>> FrameHashesAsync(string path)
    {
        var (output, _) = await RunAsync("ffmpeg", "-v", "error", "-i", path, "-map", "0:v:0", "-f", "framemd5", "-");
        return [.. output.Split('\n').Where(line => line.Length > 0 && !line.StartsWith('#')).Select(line => line.Split(',')[^1].Trim())];
    }

    /// <summary>
    /// Whether the picture stands still from the first frame to the last: ffmpeg's freezedetect (noise under -60 dB) finds
    /// a freeze starting at 0 that never ends. (Frame hashes are too strict: the encoder refines a still picture a little
    /// after its first frame.)
    /// </summary>
    public static async Task<bool> IsFrozenThroughoutAsync(string path)
    {
        var (_, log) = await RunAsync("ffmpeg", "-hide_banner", "-i", path, "-vf", "freezedetect=n=-60dB:d=0.2,metadata=print", "-f", "null", "-");
        return FreezeFromStart().IsMatch(log) && !log.Contains("freeze_end", StringComparison.Ordinal);
    }

    /// <summary>Mean structural similarity of two videos of one size, 1 for identical pictures (ffmpeg's ssim filter).</summary>
    public static async Task<double> SsimAsync(string video, string reference) =>
        Number(SsimAll().Match(await CompareAsync(video, reference, "ssim")));

    /// <summary>Mean peak signal-to-noise ratio in dB of two videos of one size; infinite for identical pictures (ffmpeg's psnr filter).</summary>
    public static async Task<double> PsnrAsync(string video, string reference) =>
        Number(PsnrAverage().Match(await CompareAsync(video, reference, "psnr")));

    /// <returns>Standard output and standard error; throws when the tool fails.</returns>
    public static async Task<(string Output, string Error)> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = StartOrExplain(start);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} failed: {await error}");
        return (await output, await error);
    }

    private static Process StartOrExplain(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{start.FileName} is not installed here: ./test.sh (or ./run.sh) installs it, as scripts/system-packages.sh says.", e);
        }
    }

    private static async Task<string> CompareAsync(string video, string reference, string filter) =>
        (await RunAsync("ffmpeg", "-hide_banner", "-i", video, "-i", reference, "-lavfi", $"[0:v][1:v]{filter}", "-f", "null", "-")).Error;

    private static double Number(Match match) =>
        !match.Success ? throw new InvalidOperationException("ffmpeg printed no measure")
        : match.Groups[1].Value == "inf" ? double.PositiveInfinity
        : double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"lavfi\.freezedetect\.freeze_start=0(\.0+)?\s")]
    private static partial Regex FreezeFromStart();

    [GeneratedRegex(@"SSIM .*All:(-?[0-9.]+|inf)")]
    private static partial Regex SsimAll();

    [GeneratedRegex(@"PSNR .*average:([0-9.]+|inf)")]
    private static partial Regex PsnrAverage();
}
