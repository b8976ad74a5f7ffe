using Marten;
using Platform.Accounts;

namespace Platform.Web.Accounts;

/// <summary>Daily Hangfire job: expired sign-ins and tokens authenticate nobody, so their rows can go. Safe to run twice.</summary>
public sealed class PurgeExpiredTokens(IDocumentStore store, TimeProvider clock)
{
    public const string JobId = "accounts:purge-expired-tokens";

    public async Task RunAsync()
    {
        var now = clock.GetUtcNow();
        await using var session = store.LightweightSession();
        session.DeleteWhere<SignInRecord>(t => t.ExpiresAt <= now);
        await session.SaveChangesAsync();
    }
}
