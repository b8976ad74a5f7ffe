using System.Security.Cryptography;
using System.Text;

namespace Platform.Accounts;

public enum SignInKind
{
    Token,
    Browser,
}

/// <summary>
/// One sign-in: a script's bearer token or a browser's cookie. The secret (the token, or a random value inside the
/// encrypted cookie) is never stored, only its SHA-256, so a database dump reveals no usable credential. A sign-in
/// works while it exists, has not expired, and carries the account's current <see cref="UserAccount.SignInStamp"/>.
/// </summary>
public sealed class SignInRecord
{
    public const string TokenPrefix = "plat_";
    public const int MaxClientLength = 200;

    /// <summary>The SHA-256 of the secret, in hex.</summary>
    public string Id { get; set; } = string.Empty;
    public Guid UserId { get; set; }
    public SignInKind Kind { get; set; } = SignInKind.Token;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public int Stamp { get; set; }

    /// <summary>The browser's User-Agent, shortened: how its owner recognises it in the list.</summary>
    public string? Client { get; set; }

    public static (string Secret, SignInRecord Stored) Issue(UserAccount user, SignInKind kind, string? client, DateTimeOffset now, TimeSpan lifetime)
    {
        var secret = TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var stored = new SignInRecord
        {
            Id = HashOf(secret),
            UserId = user.Id,
            Kind = kind,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
            Stamp = user.SignInStamp,
            Client = Shorten(client),
        };
        return (secret, stored);
    }

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Whether this sign-in still authenticates <paramref name="user"/> (its account loaded afresh).</summary>
    public bool Authenticates(UserAccount? user, DateTimeOffset now) =>
        user is { Disabled: false } && user.Id == UserId && user.SignInStamp == Stamp && now < ExpiresAt;

    private static string? Shorten(string? client)
    {
        var visible = new string((client ?? string.Empty).Where(c => !char.IsControl(c)).ToArray()).Trim();
        return visible.Length == 0 ? null : visible.Length <= MaxClientLength ? visible : visible[..MaxClientLength];
    }
}
