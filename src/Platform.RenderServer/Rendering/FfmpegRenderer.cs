using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace Platform.RenderServer.Rendering;

/// <summary>
/// Renders settings to an H.264 MP4 with ffmpeg. Bit-exact flags and one encoder thread make the same settings give
/// the same bytes; the file appears under its final name only once complete (written elsewhere, then renamed).
/// </summary>
public sealed class FfmpegRenderer(IOptions<RenderOptions> options)
{
    /// <param name="onProgress">Called with the share of frames encoded so far, 0..1.</param>
    public async Task RenderAsync(RenderSettings settings, string path, Action<double> onProgress, CancellationToken cancellationToken)
    {
        var partial = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.partial");
        try
        {
            var scene = Scenes.SceneModels.IsScene(settings.Model);
            await RunAsync(Arguments(settings, partial, scene), settings, scene, onProgress, cancellationToken);
            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private async Task RunAsync(IEnumerable<string> arguments, RenderSettings settings, bool scene, Action<double> onProgress, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(options.Value.FfmpegPath)
        {
            RedirectStandardInput = scene,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start");
        using var kill = cancellationToken.Register(() => Kill(process));
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var frames = settings.Frames;
        var feeding = scene ? FeedAsync(process.StandardInput.BaseStream, settings, cancellationToken) : Task.CompletedTask;
        while (await process.StandardOutput.ReadLineAsync(CancellationToken.None) is { } line)
        {
            if (line.StartsWith("frame=", StringComparison.Ordinal)
                && int.TryParse(line.AsSpan(6), NumberStyles.Integer, CultureInfo.InvariantCulture, out var done))
            {
                onProgress(Math.Clamp((double)done / frames, 0, 1));
            }
        }
        await process.WaitForExitAsync(CancellationToken.None);
        await feeding;
        cancellationToken.ThrowIfCancellationRequested();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg exited with code {process.ExitCode}: {(await errors).Trim()}");
        }
    }

    /// <summary>Writes a scene model's frames to ffmpeg's input; stops quietly when ffmpeg is gone (killed on cancellation, or failed).</summary>
    private static async Task FeedAsync(Stream input, RenderSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            for (var frame = 0; frame < settings.Frames && !cancellationToken.IsCancellationRequested; frame++)
            {
                var pixels = await Task.Run(() => Scenes.SceneFrames.Render(settings, frame), CancellationToken.None);
                await input.WriteAsync(pixels, CancellationToken.None);
            }
            await input.DisposeAsync();
        }
        catch (IOException)
        {
            // ffmpeg exited: its exit code and messages say why.
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private static string[] Arguments(RenderSettings settings, string output, bool scene) =>
    [
        "-hide_banner", "-loglevel", "error", "-y",
        .. scene
            ? (string[])["-f", "rawvideo", "-pix_fmt", "rgb24", "-s", settings.Size, "-r", settings.Fps.ToString(CultureInfo.InvariantCulture), "-i", "pipe:0"]
            : ["-nostdin", "-f", "lavfi", "-i", FilterGraph.For(settings)],
        "-frames:v", settings.Frames.ToString(CultureInfo.InvariantCulture),
        "-c:v", "libx264", "-preset", "ultrafast", "-crf", "26", "-pix_fmt", "yuv420p", "-threads", "1",
        "-fflags", "+bitexact", "-flags:v", "+bitexact", "-map_metadata", "-1", "-movflags", "+faststart",
        "-progress", "pipe:1", "-stats_period", "0.2",
        "-f", "mp4", output,
    ];
}
