using System.Globalization;
using Microsoft.Extensions.Options;
using Platform.Results;
using Platform.Web.Studies;

namespace Platform.Web.Results;

/// <summary>What one reconstruction found: the frames taken and COLMAP's model, or no model with COLMAP's reason.</summary>
public sealed record ReconstructionFound(int Frames, Reconstruction? Model, string Message);

/// <summary>Where the strip of frames is made in a work folder, once the frames are taken.</summary>
public static class FrameStrip
{
    public const int Frames = 6;

    public static string PathIn(string work) => Path.Combine(work, "strip.jpg");
}

/// <summary>
/// One video through COLMAP in a work folder the caller owns: frames with ffmpeg, then <c>feature_extractor</c>,
/// <c>sequential_matcher</c>, <c>mapper</c> and <c>model_converter</c> (to text), as the paper's table 4 does. Of several
/// models the mapper may build, the one with the most registered frames counts.
/// </summary>
public sealed class Reconstructing(Colmap colmap, VideoTools tools, IOptions<ConsistencyOptions> options)
{
    /// <exception cref="ColmapFailedException">A step failed for a reason other than the frames themselves.</exception>
    public async Task<ReconstructionFound> RunAsync(string video, string work, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var (images, database, sparse) = (Path.Combine(work, "images"), Path.Combine(work, "database.db"), Path.Combine(work, "sparse"));
        Directory.CreateDirectory(images);
        Directory.CreateDirectory(sparse);
        await ExtractFramesAsync(video, images, cancellationToken);
        var frames = Directory.GetFiles(images, "*.png").Length;
        if (frames == 0) return new ReconstructionFound(0, null, "ffmpeg took no frames from the video");
        await MakeStripAsync(images, frames, FrameStrip.PathIn(work), cancellationToken);

        var threads = (o.Threads > 0 ? o.Threads : Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture);
        await StepAsync("feature_extractor", ["--database_path", database, "--image_path", images, "--ImageReader.single_camera", "1",
            "--ImageReader.camera_model", "SIMPLE_RADIAL", "--SiftExtraction.use_gpu", "0", "--SiftExtraction.num_threads", threads], cancellationToken);
        await StepAsync("sequential_matcher", ["--database_path", database, "--SiftMatching.use_gpu", "0", "--SiftMatching.num_threads", threads,
            "--SequentialMatching.overlap", o.Overlap.ToString(CultureInfo.InvariantCulture)], cancellationToken);
        var mapper = await colmap.RunAsync(["mapper", "--database_path", database, "--image_path", images, "--output_path", sparse,
            "--Mapper.num_threads", threads], cancellationToken);
        var models = Directory.GetDirectories(sparse);
        if (models.Length == 0)
        {
            return mapper.Succeeded || mapper.FoundNoModel
                ? new ReconstructionFound(frames, null, "COLMAP found no good initial pair of frames")
                : throw new ColmapFailedException("mapper", mapper);
        }

        Reconstruction? best = null;
        foreach (var model in models)
        {
            var text = Path.Combine(work, "text-" + Path.GetFileName(model));
            Directory.CreateDirectory(text);
            await StepAsync("model_converter", ["--input_path", model, "--output_path", text, "--output_type", "TXT"], cancellationToken);
            var read = SparseModel.Read(await File.ReadAllLinesAsync(Path.Combine(text, "images.txt"), cancellationToken),
                await File.ReadAllLinesAsync(Path.Combine(text, "points3D.txt"), cancellationToken));
            if (best is null || read.Registered > best.Registered) best = read;
        }
        return new ReconstructionFound(frames, best, "");
    }

    private async Task ExtractFramesAsync(string video, string images, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var filter = string.Create(CultureInfo.InvariantCulture, $"fps={o.FrameRate},scale='min({o.MaxWidth},iw)':-2");
        var result = await tools.RunAsync(tools.Input(video).OutputToFile(Path.Combine(images, "frame-%04d.png"), overwrite: true,
            a => a.WithCustomArgument($"-vf \"{filter}\"")), "take the frames for COLMAP", cancellationToken);
        if (!result.Success) throw new ColmapFailedException("ffmpeg", new ColmapRun(result.ExitCode, string.Join('\n', result.StandardError.TakeLast(5))));
    }

    /// <summary>Six frames spread over the clip, 96 px wide each, side by side in one JPEG: the video at a glance.</summary>
    private async Task MakeStripAsync(string images, int frames, string strip, CancellationToken cancellationToken)
    {
        var every = Math.Max(1, frames / FrameStrip.Frames);
        var filter = string.Create(CultureInfo.InvariantCulture, $"select='not(mod(n\\,{every}))',scale=96:-2,tile={FrameStrip.Frames}x1");
        var result = await tools.RunAsync(FFMpegCore.FFMpegArguments.FromFileInput(Path.Combine(images, "frame-%04d.png"), verifyExists: false)
            .OutputToFile(strip, overwrite: true, a => a.WithCustomArgument($"-vf \"{filter}\" -frames:v 1 -q:v 4")), "make the strip of frames", cancellationToken);
        if (!result.Success) File.Delete(strip);
    }

    private async Task StepAsync(string step, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var run = await colmap.RunAsync([step, .. arguments], cancellationToken);
        if (!run.Succeeded) throw new ColmapFailedException(step, run);
    }
}

/// <summary>A COLMAP step (or the frame extraction) that exited with an error.</summary>
public sealed class ColmapFailedException(string step, ColmapRun run)
    : Exception($"{step} exited with code {run.ExitCode}: {LastLine(run.Output)}")
{
    private static string LastLine(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no output";
}
