using Marten;
using Platform.Accounts;
using Platform.Common;

namespace Platform.Web.Accounts;

/// <summary>A sign-in as its owner and admins see it in the list; <see cref="Id"/> revokes it.</summary>
public sealed record SignInView(string Id, SignInKind Kind, string? Client, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, bool Current);

/// <summary>
/// Issues, checks, lists and revokes sign-ins (<see cref="SignInRecord"/>). Every request checks its sign-in
/// against the account read afresh, in one round trip, so a revoked or outdated sign-in stops at once.
/// </summary>
public sealed class SignIns(IDocumentStore store, TimeProvider clock)
{
    /// <summary>The claim carrying a browser's sign-in secret inside its encrypted cookie.</summary>
    public const string SecretClaim = "platform:sign-in";

    public async Task<string> IssueAsync(UserAccount user, SignInKind kind, string? client, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var (secret, stored) = SignInRecord.Issue(user, kind, client, clock.GetUtcNow(), lifetime);
        await using var session = store.LightweightSession();
        session.Store(stored);
        await session.SaveChangesAsync(cancellationToken);
        return secret;
    }

    /// <summary>The account this secret signs in, or null when the sign-in is unknown, expired, revoked or outdated.</summary>
    public async Task<UserAccount?> CheckAsync(string? secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 100) return null;
        await using var session = store.QuerySession();
        var record = await session.LoadAsync<SignInRecord>(SignInRecord.HashOf(secret), cancellationToken);
        if (record is null) return null;
        var user = await session.LoadAsync<UserAccount>(record.UserId, cancellationToken);
        return record.Authenticates(user, clock.GetUtcNow()) ? user : null;
    }

    /// <summary>The account's working sign-ins, newest first; <paramref name="currentSecret"/> marks the caller's own.</summary>
    public async Task<IReadOnlyList<SignInView>> ListAsync(Guid userId, string? currentSecret, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var user = await session.LoadAsync<UserAccount>(userId, cancellationToken)
            ?? throw new DomainException("There is no such account.", DomainError.NotFound);
        var records = await session.Query<SignInRecord>().Where(r => r.UserId == userId).OrderByDescending(r => r.CreatedAt).ToListAsync(cancellationToken);
        var current = currentSecret is null ? null : SignInRecord.HashOf(currentSecret);
        var now = clock.GetUtcNow();
        return [.. records.Where(r => r.Authenticates(user, now)).Select(r => new SignInView(r.Id, r.Kind, r.Client, r.CreatedAt, r.ExpiresAt, r.Id == current))];
    }

    /// <summary>Ends one sign-in of the account; 404 when it is not one of the account's.</summary>
    public async Task RevokeAsync(Guid userId, string id, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var record = IsId(id) ? await session.LoadAsync<SignInRecord>(id, cancellationToken) : null;
        if (record is null || record.UserId != userId)
            throw new DomainException("There is no such sign-in.", DomainError.NotFound);
        session.Delete(record);
        await session.SaveChangesAsync(cancellationToken);
    }

    private static bool IsId(string id) => id.Length == 64 && id.All(char.IsAsciiHexDigitLower);

    /// <summary>Sign-out: the secret's sign-in ends, wherever a copy of it is.</summary>
    public async Task EndAsync(string? secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 100) return;
        await using var session = store.LightweightSession();
        session.Delete<SignInRecord>(SignInRecord.HashOf(secret));
        await session.SaveChangesAsync(cancellationToken);
    }
}
