using System.Diagnostics;
using FFMpegCore;
using Microsoft.Extensions.Configuration;
using Platform.Common;
using Platform.Web.Hosting;
using Platform.Web.Studies;

namespace Platform.Tests.Studies;

/// <summary>The wrappers <see cref="VideoTools"/> writes, run for real: the kernel holds ffmpeg to each cap.</summary>
public sealed class VideoLimitsWrapperTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("platform-wrappers-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Under_the_memory_cap_ffmpeg_gets_no_more_address_space()
    {
        var capped = Tools(("Videos:FFmpegMemoryMegabytes", "100"));
        var roomy = Tools(("Videos:FFmpegMemoryMegabytes", "1024"));

        var (exitCode, error) = await RunAsync(Path.Combine(capped.Options.BinaryFolder, "ffmpeg"), "-version");

        exitCode.Should().NotBe(0, "Debian's ffmpeg needs more than 100 MB just to load its libraries");
        capped.Caps.Explain(exitCode, error, "ffmpeg", "start")
            .Should().Be("The video could not be processed within the limits: ffmpeg needed more than its 100 MB of memory to start.");
        (await RunAsync(Path.Combine(roomy.Options.BinaryFolder, "ffmpeg"), "-version")).ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task Under_the_CPU_cap_ffmpeg_is_stopped_and_refused_for_its_CPU_time()
    {
        var tools = Tools(("Videos:FFmpegCpuSeconds", "1"));
        var endless = FFMpegArguments.FromFileInput("testsrc2=s=1280x720:r=30:d=600", verifyExists: false, o => o.ForceFormat("lavfi"))
            .OutputToFile(Path.Combine(_data, "endless.mp4"), overwrite: true, o => o.WithCustomArgument("-c:v libx264 -preset ultrafast"));

        await FluentActions.Awaiting(() => tools.RunAsync(endless, "encode ten minutes of 720p", CancellationToken.None))
            .Should().ThrowAsync<DomainException>()
            .WithMessage("The video could not be processed within the limits: ffmpeg used its 1 s of CPU time trying to encode ten minutes of 720p.");
    }

    [Fact]
    public async Task A_run_that_waits_past_the_wall_clock_cap_is_stopped_and_refused()
    {
        var tools = Tools(("Videos:FFmpegWallSeconds", "1"));
        // -re reads the input at its own pace: a run that takes a minute and uses almost no CPU, as one that hangs.
        var waiting = FFMpegArguments.FromFileInput("nullsrc=s=16x16:r=10:d=60", verifyExists: false, o => o.ForceFormat("lavfi").WithCustomArgument("-re"))
            .OutputToFile(Path.Combine(_data, "waiting.mp4"), overwrite: true, o => o.WithCustomArgument("-c:v libx264"));

        await FluentActions.Awaiting(() => tools.RunAsync(waiting, "read a slow input", CancellationToken.None))
            .Should().ThrowAsync<DomainException>()
            .WithMessage("The video could not be processed within the limits: ffmpeg did not finish trying to read a slow input in 1 s.");
        LeftBehind("ffmpeg").Should().BeEmpty("the run was ended, not left waiting");
    }

    [Fact]
    public async Task A_probe_that_hangs_is_stopped_at_the_wall_clock_cap_and_refused()
    {
        var tools = Tools(("Videos:FFmpegWallSeconds", "1"));
        // A named pipe nobody writes to: ffprobe waits at its first read for ever.
        var pipe = Path.Combine(_data, "never-written.mp4");
        (await RunAsync("mkfifo", pipe)).ExitCode.Should().Be(0);

        await FluentActions.Awaiting(() => VideoProbe.CheckAsync(pipe, tools, CancellationToken.None))
            .Should().ThrowAsync<DomainException>()
            .WithMessage("The video could not be processed within the limits: ffprobe did not finish trying to read the file's headers in 1 s.");
        LeftBehind("ffprobe").Should().BeEmpty("the run was ended, not left waiting");
    }

    private VideoTools Tools(params (string Key, string Value)[] settings)
    {
        var values = settings.ToDictionary(s => s.Key, string? (s) => s.Value);
        values["Storage:DataDirectory"] = Path.Combine(_data, Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new VideoTools(configuration, new Storage(configuration));
    }

    /// <summary>The tool's processes still running on this test's files.</summary>
    private List<Process> LeftBehind(string tool) =>
        [.. Process.GetProcessesByName(tool).Where(p => CommandLine(p).Contains(_data, StringComparison.Ordinal))];

    private static string CommandLine(Process process)
    {
        try
        {
            return File.ReadAllText($"/proc/{process.Id}/cmdline");
        }
        catch (IOException)
        {
            return string.Empty; // ended meanwhile
        }
    }

    private static async Task<(int ExitCode, IReadOnlyList<string> Error)> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await output;
        return (process.ExitCode, error.Split('\n'));
    }
}
