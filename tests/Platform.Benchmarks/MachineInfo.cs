using System.Runtime.InteropServices;

namespace Platform.Benchmarks;

/// <summary>The machine and the command line, printed first so a run's figures can be pasted with them.</summary>
public static class MachineInfo
{
    public static void Print(IEnumerable<string> args)
    {
        Console.WriteLine($"command: dotnet run -c Release --project tests/Platform.Benchmarks -- {string.Join(' ', args)}");
        var cpu = Read("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var os = Read("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"') ?? RuntimeInformation.OSDescription;
        Console.WriteLine($"machine: {cpu}, nproc {Environment.ProcessorCount}, memory {MemInfoKb("MemTotal") / 1048576.0:0.0} GiB " +
            $"({MemInfoKb("MemAvailable") / 1048576.0:0.0} GiB available), {os}, {RuntimeInformation.FrameworkDescription}, {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz}");
    }

    /// <summary>A field of /proc/meminfo in KiB (0 when absent).</summary>
    public static long MemInfoKb(string field) => Kb(Read("/proc/meminfo"), field);

    /// <summary>A "Field:   1234 kB" line of a /proc file, in KiB (0 when absent).</summary>
    public static long Kb(IEnumerable<string> lines, string field) =>
        lines.Where(l => l.StartsWith(field + ":", StringComparison.Ordinal))
            .Select(l => long.Parse(l[(field.Length + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();

    private static string[] Read(string path) => File.Exists(path) ? File.ReadAllLines(path) : [];
}
