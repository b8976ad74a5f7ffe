using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace Platform.Web.Accounts;

public static class SignOutApi
{
    public static void MapSignOut(this IEndpointRouteBuilder app) =>
        app.MapPost("/signout", async (HttpContext http, IAntiforgery antiforgery, SignIns signIns) =>
            {
                if (!await antiforgery.IsRequestValidAsync(http))
                    return HttpResults.Problem("The sign-out form has expired; reload the page and sign out again.", statusCode: StatusCodes.Status400BadRequest);
                await signIns.EndAsync(http.User.SignIn(), http.RequestAborted);
                await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return HttpResults.LocalRedirect("/signin");
            })
            .RequireAuthorization(Policies.SignedIn)
            .ExcludeFromDescription();
}
