using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Accounts;

namespace Platform.Web.Accounts;

/// <summary>Each person lists and revokes their own sign-ins; admins do the same for any account.</summary>
public static class SignInsApi
{
    public static void MapSignIns(this IEndpointRouteBuilder api)
    {
        MapOwnSignIns(api);
        MapAccountSignIns(api);
    }

    private static void MapOwnSignIns(IEndpointRouteBuilder api)
    {
        var mine = api.MapGroup("/api/auth/sign-ins").RequireAuthorization(Policies.SignedIn).WithTags("Authentication");

        mine.MapGet("/", async (HttpContext http, SignIns signIns) =>
                TypedResults.Ok(await signIns.ListAsync(http.User.RequiredUserId(), http.User.SignIn(), http.RequestAborted)))
            .WithSummary("Your working sign-ins: browsers and bearer tokens (`current` marks this request's)");

        mine.MapDelete("/{signInId}", async (string signInId, HttpContext http, SignIns signIns) =>
            {
                await signIns.RevokeAsync(http.User.RequiredUserId(), signInId, http.RequestAborted);
                return TypedResults.NoContent();
            })
            .WithSummary("Revoke one of your sign-ins");

        mine.MapPost("/revoke-all", async (HttpContext http, UserAccounts accounts) =>
            {
                var me = http.User.RequiredUserId();
                await accounts.RevokeSignInsAsync(new RevokeSignIns(me, me), http.RequestAborted);
                return TypedResults.NoContent();
            })
            .WithSummary("Sign out everywhere: every browser and token of yours, this one included, stops working");
    }

    private static void MapAccountSignIns(IEndpointRouteBuilder api)
    {
        var users = api.MapGroup("/api/users/{id:guid}/sign-ins").RequireAuthorization(Policies.Admin).WithTags("Accounts");

        users.MapGet("/", async Task<Ok<IReadOnlyList<SignInView>>> (Guid id, HttpContext http, SignIns signIns) =>
                TypedResults.Ok(await signIns.ListAsync(id, http.User.SignIn(), http.RequestAborted)))
            .WithSummary("An account's working sign-ins");

        users.MapDelete("/{signInId}", async (Guid id, string signInId, HttpContext http, SignIns signIns) =>
            {
                await signIns.RevokeAsync(id, signInId, http.RequestAborted);
                return TypedResults.NoContent();
            })
            .WithSummary("Revoke one sign-in of an account");

        users.MapPost("/revoke-all", async (Guid id, HttpContext http, UserAccounts accounts) =>
            {
                await accounts.RevokeSignInsAsync(new RevokeSignIns(id, http.User.RequiredUserId()), http.RequestAborted);
                return TypedResults.NoContent();
            })
            .WithSummary("Sign an account out everywhere");
    }
}
