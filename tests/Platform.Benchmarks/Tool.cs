using System.Diagnostics;
using System.Text;

namespace Platform.Benchmarks;

/// <summary>Runs a command-line tool to its end and returns its exit code with what it wrote (both streams).</summary>
public static class Tool
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = new StringBuilder();
        var reading = Task.WhenAll(Copy(process.StandardOutput), Copy(process.StandardError));
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        // A tool's children (dotnet publish's build servers) can keep the pipes open long after it exits.
        await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None));
        lock (output) return (process.ExitCode, output.ToString());

        async Task Copy(StreamReader reader)
        {
            while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
                lock (output) output.AppendLine(line);
        }
    }
}
