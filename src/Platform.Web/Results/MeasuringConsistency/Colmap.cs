using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Platform.Web.Results;

/// <summary>The outcome of one COLMAP command: its exit code and the end of what it printed.</summary>
public sealed record ColmapRun(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The mapper's way of saying the frames hold no reconstruction: a result about the video, not a failure.</summary>
    public bool FoundNoModel => Output.Contains("No good initial image pair", StringComparison.Ordinal)
        || Output.Contains("failed to create sparse model", StringComparison.Ordinal);
}

/// <summary>
/// Runs Debian's <c>colmap</c> headless (Qt offscreen, SIFT and matching on the CPU). A cancelled run is killed with
/// its children.
/// </summary>
public sealed class Colmap(IOptions<ConsistencyOptions> options)
{
    private const int KeptOutput = 4000;
    private string? _version;

    /// <summary>"COLMAP 3.8", from the first line of its help; cached.</summary>
    public async Task<string> VersionAsync(CancellationToken cancellationToken)
    {
        if (_version is null)
        {
            var run = await RunAsync(["help"], cancellationToken);
            var first = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "COLMAP";
            _version = first.Split(" -- ")[0];
        }
        return _version;
    }

    public async Task<ColmapRun> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(options.Value.ColmapPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["QT_QPA_PLATFORM"] = "offscreen" },
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{options.Value.ColmapPath} did not start");
        using var kill = cancellationToken.Register(() => Kill(process));
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        await process.WaitForExitAsync(CancellationToken.None);
        cancellationToken.ThrowIfCancellationRequested();
        var text = (await output) + (await errors);
        return new ColmapRun(process.ExitCode, text.Length > KeptOutput ? text[^KeptOutput..] : text);
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
}
