using System.Security.Cryptography;
using System.Text;

namespace Platform.Accounts;

/// <summary>A bearer token for scripts. Only its SHA-256 is stored, so a database dump reveals no usable token.</summary>
public sealed class ApiToken
{
    public string Id { get; set; } = string.Empty;
    public Guid UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    public const string Prefix = "plat_";

    public static (string Token, ApiToken Stored) Issue(Guid userId, DateTimeOffset now, TimeSpan lifetime)
    {
        var token = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (token, new ApiToken { Id = HashOf(token), UserId = userId, CreatedAt = now, ExpiresAt = now + lifetime });
    }

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
