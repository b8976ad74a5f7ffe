using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.Accounts;

public sealed record TokenRequest(string Email, string Password);

public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt);

public static class TokenEndpoints
{
    public static void MapTokens(this IEndpointRouteBuilder api)
    {
        var tokens = api.MapGroup("/api/auth/tokens").WithTags("Authentication");

        tokens.MapPost("/", IssueAsync)
            .AllowAnonymous()
            .WithSummary("Exchange an email and password for a bearer token")
            .WithDescription("Send the token as `Authorization: Bearer <token>`. Attempts are rate-limited per account and client.");

        tokens.MapDelete("/current", RevokeAsync)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Revoke the bearer token this request was made with");
    }

    private static async Task<Results<Created<TokenResponse>, ProblemHttpResult>> IssueAsync(
        TokenRequest request, HttpContext http, Authenticator authenticator, IDocumentStore store, IConfiguration configuration, TimeProvider clock)
    {
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        switch (await authenticator.SignInAsync(request.Email, request.Password, client, http.RequestAborted))
        {
            case SignInResult.Throttled throttled:
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(throttled.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem("Too many sign-in attempts; wait a minute and try again.", statusCode: StatusCodes.Status429TooManyRequests, title: "Too many attempts");
            case SignInResult.Refused refused:
                return TypedResults.Problem(refused.Message, statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in refused");
            case SignInResult.Succeeded succeeded:
                var lifetime = configuration.GetValue("Accounts:TokenLifetime", TimeSpan.FromDays(7));
                var (token, stored) = ApiToken.Issue(succeeded.User.Id, clock.GetUtcNow(), lifetime);
                await using (var session = store.LightweightSession())
                {
                    session.Store(stored);
                    await session.SaveChangesAsync(http.RequestAborted);
                }
                return TypedResults.Created((string?)null, new TokenResponse(token, stored.ExpiresAt));
            default:
                throw new InvalidOperationException("Unknown sign-in result.");
        }
    }

    private static async Task<NoContent> RevokeAsync(HttpContext http, IDocumentStore store)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            await using var session = store.LightweightSession();
            session.Delete<ApiToken>(ApiToken.HashOf(header["Bearer ".Length..].Trim()));
            await session.SaveChangesAsync(http.RequestAborted);
        }
        return TypedResults.NoContent();
    }
}
