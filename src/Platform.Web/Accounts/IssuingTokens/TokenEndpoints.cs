using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Accounts;

namespace Platform.Web.Accounts;

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
            .WithSummary("Revoke the sign-in this request was made with (its bearer token, or the browser's cookie)");
    }

    private static async Task<Results<Created<TokenResponse>, ProblemHttpResult>> IssueAsync(
        TokenRequest request, HttpContext http, Authenticator authenticator, SignIns signIns, IConfiguration configuration, TimeProvider clock)
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
                var token = await signIns.IssueAsync(succeeded.User, SignInKind.Token, http.Request.Headers.UserAgent, lifetime, http.RequestAborted);
                return TypedResults.Created((string?)null, new TokenResponse(token, clock.GetUtcNow() + lifetime));
            default:
                throw new InvalidOperationException("Unknown sign-in result.");
        }
    }

    private static async Task<NoContent> RevokeAsync(HttpContext http, SignIns signIns)
    {
        await signIns.EndAsync(http.User.SignIn(), http.RequestAborted);
        return TypedResults.NoContent();
    }
}
