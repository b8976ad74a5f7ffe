using System.Security.Cryptography;
using System.Text;

namespace Platform.Voting;

/// <summary>
/// A session's token is what binds it to the browser that started it: 24 random bytes, URL-safe Base64 (32 characters).
/// Whoever presents it is the participant; a participant id alone is not enough (ids are known to others, or guessed).
/// </summary>
public static class SessionTokens
{
    public const int Length = 32;

    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    /// <summary>Whether <paramref name="token"/> could be one this platform gave out; anything else names no session.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>What a released session's token becomes: unique, and never well formed.</summary>
    public static string ReleasedMarker(Guid sessionId) => $"released-{sessionId:N}";

    /// <summary>The same token, compared in constant time.</summary>
    public static bool Matches(string expected, string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));
}
