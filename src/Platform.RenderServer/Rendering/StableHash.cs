using System.Text;

namespace Platform.RenderServer.Rendering;

/// <summary>
/// FNV-1a (64 bit) over UTF-8 text and the SplitMix64 finaliser: hashes that stay the same across processes and
/// runtimes, unlike string.GetHashCode, so the same prompt renders the same video after a restart.
/// </summary>
public static class StableHash
{
    public static ulong Of(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }
        return Mix(hash);
    }

    public static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }

    /// <summary>A number in [0, 1) taken from the bits of a hash at the given shift.</summary>
    public static double Unit(ulong hash, int shift) => ((hash >> shift) & 0xFFFF) / 65536.0;
}
