namespace Platform.Testing;

/// <summary>What a host keeps on disk: files in uploads/ (waiting or left behind) and stored media.</summary>
public static class Leftovers
{
    /// <summary>The entries of uploads/, once a job finishing right now has tidied up (given up to 30 s to empty).</summary>
    public static async Task<IReadOnlyList<string>> UploadsAsync(this PlatformFactory factory)
    {
        var uploads = Path.Combine(factory.DataDirectory, "uploads");
        if (!Directory.Exists(uploads)) return [];
        // A video an earlier test of the class uploaded may still be processing on a loaded machine.
        try
        {
            await Eventually.HoldsAsync(() => !Directory.EnumerateFileSystemEntries(uploads).Any(), "uploads/ is empty");
        }
        catch (TimeoutException)
        {
            // What is left is the answer: the caller asserts on it.
        }
        return [.. Directory.EnumerateFileSystemEntries(uploads)];
    }

    /// <summary>Every file under media/ (none before the host first stores one).</summary>
    public static IReadOnlyList<string> MediaFiles(this PlatformFactory factory)
    {
        var media = Path.Combine(factory.DataDirectory, "media");
        return Directory.Exists(media) ? [.. Directory.EnumerateFiles(media, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)] : [];
    }
}
