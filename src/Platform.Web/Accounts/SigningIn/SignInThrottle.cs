using System.Threading.RateLimiting;
using Platform.Accounts;

namespace Platform.Web.Accounts;

/// <summary>
/// Limits sign-in attempts (cookie and token alike): per address and client, and per client across all addresses,
/// so that neither guessing one password nor trying many accounts from one place gets far.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<(string Client, string Email)> _limiter;

    public SignInThrottle(IConfiguration configuration)
    {
        var perAccount = configuration.GetValue("Accounts:SignInAttemptsPerAccountPerMinute", 5);
        var perClient = configuration.GetValue("Accounts:SignInAttemptsPerClientPerMinute", 30);
        _limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<(string Client, string Email), string>(key =>
                RateLimitPartition.GetFixedWindowLimiter($"{key.Client}|{key.Email}", _ => Window(perAccount))),
            PartitionedRateLimiter.Create<(string Client, string Email), string>(key =>
                RateLimitPartition.GetFixedWindowLimiter(key.Client, _ => Window(perClient))));
    }

    /// <returns>Null when the attempt may go ahead, else how long to wait.</returns>
    public TimeSpan? TryAttempt(string client, string email)
    {
        using var lease = _limiter.AttemptAcquire((client, EmailAddress.Normalise(email)));
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => _limiter.Dispose();

    private static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
