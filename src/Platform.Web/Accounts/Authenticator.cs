using Microsoft.AspNetCore.Identity;
using Platform.Accounts;

namespace Platform.Web.Accounts;

public abstract record SignInResult
{
    public sealed record Succeeded(UserAccount User) : SignInResult;
    public sealed record Refused(string Message) : SignInResult;
    public sealed record Throttled(TimeSpan RetryAfter) : SignInResult;
}

/// <summary>Checks an email and password for both the sign-in page and the token endpoint.</summary>
public sealed class Authenticator(UserAccounts accounts, IPasswordHasher<UserAccount> hasher, SignInThrottle throttle)
{
    // The same answer for an unknown address, a wrong password and a disabled account: no account enumeration.
    public const string RefusedMessage = "The email or password is not right, or the account is disabled.";

    // Hashing a dummy for unknown addresses keeps the response time the same as for a wrong password.
    private static readonly string DummyHash = new PasswordHasher<UserAccount>().HashPassword(new UserAccount(), Guid.NewGuid().ToString());

    public async Task<SignInResult> SignInAsync(string? email, string? password, string client, CancellationToken cancellationToken = default)
    {
        email ??= string.Empty;
        if (throttle.TryAttempt(client, email) is { } wait)
            return new SignInResult.Throttled(wait);

        var user = await accounts.FindByEmailAsync(email, cancellationToken);
        var verdict = hasher.VerifyHashedPassword(user ?? new UserAccount(), user?.PasswordHash ?? DummyHash, password ?? string.Empty);
        if (user is null || user.Disabled || verdict == PasswordVerificationResult.Failed)
            return new SignInResult.Refused(RefusedMessage);
        return new SignInResult.Succeeded(user);
    }
}
