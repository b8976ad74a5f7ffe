using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Platform.Web.Voting;

public sealed record Progress(int Done, int Total);

public static class VotingApi
{
    public const string RateLimit = "participants";

    /// <summary>
    /// Anonymous participants: requests per client address and minute (Voting:RequestsPerClientPerMinute), beyond which
    /// 429; and for the whole process at most Voting:MaxConcurrentRequests in flight (about Marten's pool, so a crowd
    /// waits here in order rather than for a connection), Voting:MaxQueuedRequests waiting oldest first, and beyond
    /// those 503 (see <see cref="Hosting.Pipeline"/>'s rejection).
    /// </summary>
    public static IServiceCollection AddParticipantRateLimit(this IServiceCollection services, IConfiguration configuration) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = configuration.GetValue("Voting:RequestsPerClientPerMinute", 600),
                    Window = TimeSpan.FromMinutes(1),
                }));
            // Global, so it is taken before the per-client window and whatever the endpoint; one partition for all.
            var inFlight = new ConcurrencyLimiterOptions
            {
                PermitLimit = configuration.GetValue("Voting:MaxConcurrentRequests",
                    configuration.GetValue("Database:MaxPoolSize", Hosting.Database.DatabaseOptions.DefaultMaxPoolSize)),
                QueueLimit = configuration.GetValue("Voting:MaxQueuedRequests", 1000),
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            };
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == RateLimit
                    ? RateLimitPartition.GetConcurrencyLimiter(RateLimit, _ => inFlight)
                    : RateLimitPartition.GetNoLimiter(string.Empty));
        });

    public static void MapVoting(this IEndpointRouteBuilder app)
    {
        app.MapReleaseSession();
        var api = app.MapGroup("/api").AllowAnonymous().RequireRateLimiting(RateLimit).WithMetadata(new Hosting.ParticipantEndpoint()).WithTags("Participants");

        api.MapStartingSession();
        api.MapAssigningTrial();
        api.MapRecordingJudgment();
        api.MapReturningStudy();
        api.MapCheckingSession();
    }
}
