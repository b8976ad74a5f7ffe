using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Accounts;
using Platform.Common;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace Platform.Web.Accounts;

public sealed record UserView(Guid Id, string Email, string DisplayName, IReadOnlyList<Role> Roles, bool Disabled, DateTimeOffset CreatedAt)
{
    public static UserView From(UserAccount user) => new(user.Id, user.Email, user.DisplayName, user.Roles, user.Disabled, user.CreatedAt);
}

public sealed record NewUser(
    [property: MaxLength(254)] string Email,
    [property: MaxLength(Limits.Name)] string DisplayName,
    [property: MaxLength(PasswordPolicy.MaximumLength)] string Password,
    [property: MaxLength(8)] IReadOnlyList<Role> Roles);

public sealed record RolesChange([property: MaxLength(8)] IReadOnlyList<Role> Roles);

public sealed record PasswordReset([property: MaxLength(PasswordPolicy.MaximumLength)] string Password);

public static class UsersApi
{
    public static void MapUsers(this IEndpointRouteBuilder api)
    {
        MapMe(api);
        var users = api.MapGroup("/api/users").RequireAuthorization(Policies.Admin).WithTags("Accounts");
        MapListAndCreate(users);
        MapAccountChanges(users);
    }

    private static void MapMe(IEndpointRouteBuilder api) =>
        api.MapGet("/api/me", async (HttpContext http, UserAccounts accounts) =>
                await accounts.FindAsync(http.User.RequiredUserId(), http.RequestAborted) is { } me
                    ? HttpResults.Ok(UserView.From(me))
                    : HttpResults.NotFound())
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Accounts")
            .WithSummary("The signed-in account");

    private static void MapListAndCreate(RouteGroupBuilder users)
    {
        users.MapGet("/", async (UserAccounts accounts, CancellationToken ct) =>
                TypedResults.Ok((await accounts.ListAsync(ct)).Select(UserView.From).ToList()))
            .WithSummary("List all accounts");

        users.MapPost("/", async Task<Created<UserView>> (NewUser body, HttpContext http, UserAccounts accounts) =>
            {
                var user = await accounts.RegisterAsync(
                    new RegisterUser(Guid.NewGuid(), body.Email, body.DisplayName, body.Password, body.Roles ?? [], http.User.RequiredUserId()),
                    http.RequestAborted);
                return TypedResults.Created($"/api/users/{user.Id}", UserView.From(user));
            })
            .WithSummary("Create an account");
    }

    private static void MapAccountChanges(RouteGroupBuilder users)
    {
        users.MapPut("/{id:guid}/roles", async (Guid id, RolesChange body, HttpContext http, UserAccounts accounts) =>
            {
                await accounts.ChangeRolesAsync(new ChangeRoles(id, body.Roles ?? [], http.User.RequiredUserId()), http.RequestAborted);
                return TypedResults.NoContent();
            })
            .WithSummary("Replace an account's roles");

        users.MapPost("/{id:guid}/disable", async (Guid id, HttpContext http, UserAccounts accounts) =>
            {
                await accounts.DisableAsync(new DisableUser(id, http.User.RequiredUserId()), http.RequestAborted);
                return TypedResults.NoContent();
            })
            .WithSummary("Disable an account: its sign-ins and tokens stop working at once");

        users.MapPost("/{id:guid}/enable", async (Guid id, HttpContext http, UserAccounts accounts) =>
            {
                await accounts.EnableAsync(new EnableUser(id, http.User.RequiredUserId()), http.RequestAborted);
                return TypedResults.NoContent();
            })
            .WithSummary("Enable a disabled account");

        users.MapPut("/{id:guid}/password", async (Guid id, PasswordReset body, HttpContext http, UserAccounts accounts) =>
            {
                await accounts.ChangePasswordAsync(new ChangePassword(id, body.Password, http.User.RequiredUserId()), http.RequestAborted);
                return TypedResults.NoContent();
            })
            .WithSummary("Set a new password for an account");
    }
}
