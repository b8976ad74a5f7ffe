using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Platform.Web.Accounts;

/// <summary>
/// API callers get 401/403 (as problem+json, written by the status-code middleware) instead of a redirect, and
/// every request checks its sign-in against the account read afresh: a revoked sign-in, a sign-out elsewhere, a new
/// password, new roles or a disabled account end it at once.
/// </summary>
internal sealed class CookieEvents : CookieAuthenticationEvents
{
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) =>
        IsApi(context.Request) ? Status(context, StatusCodes.Status401Unauthorized) : base.RedirectToLogin(context);

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
        IsApi(context.Request) ? Status(context, StatusCodes.Status403Forbidden) : base.RedirectToAccessDenied(context);

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var secret = context.Principal?.SignIn();
        var signIns = context.HttpContext.RequestServices.GetRequiredService<SignIns>();
        var user = await signIns.CheckAsync(secret, context.HttpContext.RequestAborted);
        if (user is null || user.Id != context.Principal?.UserId())
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        var fresh = AccountPrincipal.For(user, CookieAuthenticationDefaults.AuthenticationScheme, secret!);
        if (!SameClaims(context.Principal!, fresh))
        {
            context.ReplacePrincipal(fresh);
            context.ShouldRenew = true;
        }
    }

    private static bool SameClaims(System.Security.Claims.ClaimsPrincipal a, System.Security.Claims.ClaimsPrincipal b) =>
        a.Claims.Select(c => (c.Type, c.Value)).Order().SequenceEqual(b.Claims.Select(c => (c.Type, c.Value)).Order());

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
