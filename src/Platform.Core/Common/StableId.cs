using System.Security.Cryptography;
using System.Text;

namespace Platform.Common;

/// <summary>
/// A Guid derived from its parts (first 16 bytes of their SHA-256), so the same trial planned twice keeps its id.
/// </summary>
public static class StableId
{
    public static Guid From(params object?[] parts) => new(SHA256.HashData(Text(parts)).AsSpan(0, 16));

    /// <summary>
    /// Stable as <see cref="From"/>, but keyed (HMAC-SHA-256) with a secret: nobody without the key can derive the id
    /// from the parts. A null key gives <see cref="From"/>'s id (for what was made before keys existed).
    /// </summary>
    public static Guid Keyed(string? base64Key, params object?[] parts) =>
        base64Key is null ? From(parts) : new(HMACSHA256.HashData(Convert.FromBase64String(base64Key), Text(parts)).AsSpan(0, 16));

    /// <summary>A new random key for <see cref="Keyed"/>.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static byte[] Text(object?[] parts) => Encoding.UTF8.GetBytes(string.Join('\u001f', parts.Select(p => p?.ToString() ?? string.Empty)));
}
