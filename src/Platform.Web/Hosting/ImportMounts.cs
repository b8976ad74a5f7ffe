namespace Platform.Web.Hosting;

/// <summary>The mount points of this process (Linux's <c>/proc/self/mountinfo</c>): a bind mount under the import root could bring any folder in.</summary>
public static class ImportMounts
{
    public static IReadOnlyList<string> Current() =>
        File.Exists("/proc/self/mountinfo") ? [.. File.ReadLines("/proc/self/mountinfo").Select(MountPointOf).OfType<string>()] : [];

    /// <summary>Whether <paramref name="folder"/> is one of the mount points (a file system mounted there).</summary>
    public static bool IsMountPoint(string folder, IEnumerable<string> mountPoints)
    {
        var normalised = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        return mountPoints.Any(m => string.Equals(Path.TrimEndingDirectorySeparator(m), normalised, StringComparison.Ordinal));
    }

    /// <summary>The fifth field of a mountinfo line, with its octal escapes (a space is <c>\040</c>) undone.</summary>
    public static string? MountPointOf(string line)
    {
        var fields = line.Split(' ');
        if (fields.Length < 5) return null;
        return System.Text.RegularExpressions.Regex.Replace(fields[4], @"\\([0-7]{3})", m => ((char)Convert.ToInt32(m.Groups[1].Value, 8)).ToString());
    }
}
