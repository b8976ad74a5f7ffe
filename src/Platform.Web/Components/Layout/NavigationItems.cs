using System.Security.Claims;
using MudBlazor;
using Platform.Web.Accounts;

namespace Platform.Web.Components.Layout;

/// <param name="Roles">Any of these roles opens the section.</param>
public sealed record NavigationItem(string Title, string Href, string Icon, params string[] Roles);

/// <summary>The sections of the platform and which role opens each; the drawer shows only what the user may open.</summary>
public static class NavigationItems
{
    public static IReadOnlyList<NavigationItem> All { get; } =
    [
        new("Studies", "studies", Icons.Material.Filled.Science, Policies.Researcher),
        new("Generation", "generation", Icons.Material.Filled.Movie, Policies.Researcher),
        // Researchers import synthetic videos and export captions there; annotators work on them.
        new("Captions", "captions", Icons.Material.Filled.Subtitles, Policies.Researcher, Policies.Annotator),
        new("Reviews", "reviews", Icons.Material.Filled.FactCheck, Policies.Reviewer),
        new("Users", "admin/users", Icons.Material.Filled.ManageAccounts, Policies.Admin),
        new("Inference servers", "admin/servers", Icons.Material.Filled.Dns, Policies.Admin),
    ];

    public static IReadOnlyList<NavigationItem> For(ClaimsPrincipal user) => [.. All.Where(i => i.Roles.Any(user.IsInRole))];
}
