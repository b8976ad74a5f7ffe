using Microsoft.AspNetCore.Authorization;
using Platform.Accounts;

namespace Platform.Web.Accounts;

/// <summary>One policy per role; every page and endpoint names the one it needs.</summary>
public static class Policies
{
    public const string Admin = Roles.Admin;
    public const string Researcher = Roles.Researcher;
    public const string Annotator = Roles.Annotator;
    public const string Reviewer = Roles.Reviewer;
    public const string SignedIn = "SignedIn";

    public static void Add(AuthorizationOptions options)
    {
        foreach (var role in Roles.All)
            options.AddPolicy(role.ToString(), p => p.RequireAuthenticatedUser().RequireRole(role.ToString()));
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        // A page or endpoint that forgets to declare a policy is still closed to anonymous visitors.
        options.FallbackPolicy = options.GetPolicy(SignedIn);
    }
}
