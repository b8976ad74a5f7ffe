using System.Globalization;

namespace Platform.Web.Studies;

/// <summary>
/// What one ffmpeg or ffprobe run on a video may use (Videos:FFmpegCpuSeconds, FFmpegMemoryMegabytes,
/// FFmpegWallSeconds, FFmpegThreads; 0 leaves it uncapped). CPU time and memory are the kernel's RLIMIT_CPU and
/// RLIMIT_AS, set by <see cref="VideoTools"/>'s wrappers; the wall-clock time stops a run that waits without working
/// (one of its threads could not start under the memory cap, say); the threads keep the memory a run needs the same on
/// a machine with many cores.
/// </summary>
public sealed record FFmpegCaps(int CpuSeconds, int MemoryMegabytes, int WallSeconds, int Threads)
{
    public static FFmpegCaps From(IConfiguration configuration) => new(
        configuration.GetValue("Videos:FFmpegCpuSeconds", 900),
        configuration.GetValue("Videos:FFmpegMemoryMegabytes", 3072),
        configuration.GetValue("Videos:FFmpegWallSeconds", 1800),
        configuration.GetValue("Videos:FFmpegThreads", 4));

    /// <summary>Whether runs go through the prlimit wrappers.</summary>
    public bool Any => CpuSeconds > 0 || MemoryMegabytes > 0;

    public const string Refused = "The video could not be processed within the limits";

    /// <summary>
    /// Why a failed run is taken for one that met a cap, for the person who sent the video; null when nothing says so.
    /// RLIMIT_CPU sends SIGXCPU, of which ffprobe dies (exit 152) and after which ffmpeg stops ("received signal 24"),
    /// then SIGKILL a few seconds later (137). RLIMIT_AS makes allocations fail, which the libraries word in their own
    /// ways or not at all: a run that failed under the memory cap without saying why is an ordinary failure here.
    /// </summary>
    /// <param name="what">The step, as "convert the video to H.264".</param>
    public string? Explain(int exitCode, IReadOnlyList<string> standardError, string tool, string what)
    {
        if (CpuSeconds > 0 && (exitCode == 128 + SigXcpu || standardError.Any(line => CpuWords.Any(word => line.Contains(word, StringComparison.Ordinal)))))
            return Text($"{Refused}: {tool} used its {CpuSeconds} s of CPU time trying to {what}.");
        if (MemoryMegabytes > 0 && standardError.Any(line => MemoryWords.Any(word => line.Contains(word, StringComparison.OrdinalIgnoreCase))))
            return Text($"{Refused}: {tool} needed more than its {MemoryMegabytes} MB of memory to {what}.");
        if (Any && exitCode == 128 + SigKill)
            return Text($"{Refused}: {tool} was stopped trying to {what} (a run may use {Amount(CpuSeconds, "s")} of CPU time and {Amount(MemoryMegabytes, "MB")} of memory).");
        return null;
    }

    /// <summary>Why a run stopped at <see cref="WallSeconds"/> is refused.</summary>
    public string TimedOut(string tool, string what) =>
        Text($"{Refused}: {tool} did not finish trying to {what} in {WallSeconds} s.");

    private const int SigKill = 9;
    private const int SigXcpu = 24;

    // ffmpeg's words when it stops on SIGXCPU: on its own, or at the fourth signal.
    private static readonly string[] CpuWords = ["received signal 24", "Received > 3 system signals"];

    // ENOMEM as libav* words it, x264's and C++ libraries' failed allocations, the loader's when the binary itself does
    // not fit, and EAGAIN, which is what a thread that cannot get its stack reports.
    private static readonly string[] MemoryWords =
        ["Cannot allocate memory", "out of memory", "malloc of size", "bad_alloc", "failed to map segment", "error while loading shared libraries", "Resource temporarily unavailable"];

    private static string Amount(int value, string unit) => value > 0 ? $"{value} {unit}" : "any amount";

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
