using System.Globalization;
using FFMpegCore;
using FFMpegCore.Exceptions;
using Platform.Common;
using Platform.Web.Hosting;

namespace Platform.Web.Studies;

/// <summary>
/// How the platform runs ffmpeg and ffprobe on videos from outside (uploads, generated videos, synthetic imports): the
/// binaries in Videos:FFmpegFolder (unset: those on the PATH), each run started by a wrapper, written at start into the
/// data directory's <c>tools/</c>, that caps its CPU time and address space with prlimit (<see cref="FFmpegCaps"/>);
/// every input read with its decoder held to the picture size and the duration the limits accept, whatever the header
/// said (<see cref="Input"/>).
/// </summary>
public sealed class VideoTools
{
    // Why no video is processed: caps asked for and no way to set them. Nothing runs uncapped by mistake.
    private readonly string? _uncapped;

    public VideoTools(IConfiguration configuration, Storage storage)
    {
        Limits = VideoLimits.From(configuration);
        Caps = FFmpegCaps.From(configuration);
        Options = GlobalFFOptions.Current.Clone();
        var folder = configuration["Videos:FFmpegFolder"];
        if (!string.IsNullOrWhiteSpace(folder)) Options.BinaryFolder = folder;
        if (!Caps.Any) return;
        if (FindOnPath("prlimit") is not { } prlimit)
        {
            _uncapped = "ffmpeg's CPU-time and memory caps need prlimit (util-linux): install it, or set Videos:FFmpegCpuSeconds and Videos:FFmpegMemoryMegabytes to 0 to run ffmpeg uncapped.";
            return;
        }
        Options.BinaryFolder = WriteWrappers(Path.Combine(storage.Root, "tools"), Caps, prlimit, string.IsNullOrWhiteSpace(folder) ? null : Path.GetFullPath(folder));
    }

    public VideoLimits Limits { get; }

    public FFmpegCaps Caps { get; }

    /// <summary>For FFMpegCore: the folder of the wrappers (or of the binaries themselves when nothing is capped).</summary>
    public FFOptions Options { get; }

    /// <summary>A file for ffmpeg to read, with no picture over the limits decoded and nothing past the longest duration read.</summary>
    public FFMpegArguments Input(string path) =>
        FFMpegArguments.FromFileInput(path, verifyExists: true, o => o.WithCustomArgument(string.Create(CultureInfo.InvariantCulture,
            $"-max_pixels {Limits.MaxPixelsPerFrame} -t {Limits.MaxDurationSeconds} {Threads} {FilterThreads}")));

    /// <summary>The encoder's threads, for every output.</summary>
    public string Threads => Caps.Threads > 0 ? string.Create(CultureInfo.InvariantCulture, $"-threads {Caps.Threads}") : string.Empty;

    private string FilterThreads => Caps.Threads > 0 ? string.Create(CultureInfo.InvariantCulture, $"-filter_threads {Caps.Threads}") : string.Empty;

    /// <summary>
    /// Runs one ffmpeg step. A run stopped at a cap, and one that met pictures over the limits (a header that lied), are
    /// refused (422) with the reason; any other failure is returned for the caller to word.
    /// </summary>
    /// <param name="what">The step, as "convert the video to H.264".</param>
    public async Task<FFMpegResult> RunAsync(FFMpegArgumentProcessor step, string what, CancellationToken cancellationToken)
    {
        EnsureCapped();
        using var timeout = Timeout(cancellationToken);
        var result = await step.ProcessAsynchronously(throwOnError: false, Options, timeout.Token);
        if (result.Cancelled && !cancellationToken.IsCancellationRequested)
            throw new DomainException(Caps.TimedOut("ffmpeg", what), DomainError.Unprocessable);
        cancellationToken.ThrowIfCancellationRequested();
        if (Limits.OversizedFrames(result.StandardError) is { } oversized)
            throw new DomainException(oversized, DomainError.Unprocessable);
        if (!result.Success && Caps.Explain(result.ExitCode, result.StandardError, "ffmpeg", what) is { } capped)
            throw new DomainException(capped, DomainError.Unprocessable);
        return result;
    }

    /// <summary>ffprobe's reading of a file; a run stopped at a cap is refused (422) with the reason.</summary>
    /// <param name="arguments">More options for ffprobe.</param>
    public async Task<IMediaAnalysis> AnalyseAsync(string path, string what, CancellationToken cancellationToken, string? arguments = null)
    {
        EnsureCapped();
        using var timeout = Timeout(cancellationToken);
        try
        {
            return await FFProbe.AnalyseAsync(path, Options, arguments, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DomainException(Caps.TimedOut("ffprobe", what), DomainError.Unprocessable);
        }
        catch (FFProbeProcessException e) when (Caps.Explain(e.ExitCode, e.StandardError, "ffprobe", what) is { } capped)
        {
            throw new DomainException(capped, DomainError.Unprocessable);
        }
    }

    private void EnsureCapped()
    {
        if (_uncapped is not null) throw new PlatformNotSupportedException(_uncapped);
    }

    private CancellationTokenSource Timeout(CancellationToken cancellationToken)
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (Caps.WallSeconds > 0) timeout.CancelAfter(TimeSpan.FromSeconds(Caps.WallSeconds));
        return timeout;
    }

    /// <summary>The wrapper that starts a tool under prlimit, as a POSIX shell script.</summary>
    /// <param name="binary">The real tool: a path, or a name prlimit looks up on the PATH.</param>
    private static string Wrapper(FFmpegCaps caps, string prlimit, string binary)
    {
        var limits = new List<string> { "--core=0" };
        if (caps.CpuSeconds > 0)
            limits.Add(string.Create(CultureInfo.InvariantCulture, $"--cpu={caps.CpuSeconds}:{caps.CpuSeconds + GraceSeconds}"));
        if (caps.MemoryMegabytes > 0)
            limits.Add(string.Create(CultureInfo.InvariantCulture, $"--as={caps.MemoryMegabytes * 1024L * 1024}"));
        return $"""
            #!/bin/sh
            # Written by the platform (VideoTools) from Videos:FFmpegCpuSeconds and Videos:FFmpegMemoryMegabytes; rewritten at start.
            # glibc reserves 64 MB of address space per malloc arena, up to eight arenas per core: with two, the
            # address-space cap stays close to the memory a run really uses.
            export MALLOC_ARENA_MAX=2
            exec {Quoted(prlimit)} {string.Join(' ', limits)} -- {Quoted(binary)} "$@"

            """;
    }

    // From the soft limit on, SIGXCPU comes once a second and ffmpeg stops at the first; SIGKILL at the hard limit ends a
    // run that does not, before a fourth SIGXCPU would make ffmpeg exit in the middle of its own cleanup.
    private const int GraceSeconds = 3;

    private static string WriteWrappers(string folder, FFmpegCaps caps, string prlimit, string? binaries)
    {
        Directory.CreateDirectory(folder);
        foreach (var tool in new[] { "ffmpeg", "ffprobe" })
        {
            var script = Wrapper(caps, prlimit, Binary(binaries, tool));
            var path = Path.Combine(folder, tool);
            if (File.Exists(path) && File.ReadAllText(path) == script) continue;
            // Written aside and moved in: a run starting meanwhile (another process of the platform) finds a whole script.
            var written = $"{path}.{Guid.NewGuid():N}";
            File.WriteAllText(written, script);
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(written, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
            File.Move(written, path, overwrite: true);
        }
        return folder;
    }

    // As FFMpegCore finds a tool: in the folder (or its x64/x86 subfolder), else on the PATH.
    private static string Binary(string? folder, string tool) =>
        folder is null ? tool
        : new[] { Path.Combine(folder, Environment.Is64BitProcess ? "x64" : "x86", tool), Path.Combine(folder, tool) }.FirstOrDefault(File.Exists) ?? tool;

    private static string Quoted(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);
}
