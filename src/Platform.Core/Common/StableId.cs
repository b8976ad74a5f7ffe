using System.Security.Cryptography;
using System.Text;

namespace Platform.Common;

/// <summary>
/// A Guid derived from its parts (first 16 bytes of their SHA-256), so the same trial planned twice keeps its id.
/// </summary>
public static class StableId
{
    public static Guid From(params object?[] parts)
    {
        var text = string.Join('\u001f', parts.Select(p => p?.ToString() ?? string.Empty));
        return new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
    }
}
