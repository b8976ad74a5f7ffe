using System.Security.Claims;
using MudBlazor;
using Platform.Accounts;

namespace Platform.Components.Layout;

public sealed record NavigationItem(string Title, string Href, string Icon, string Policy);

/// <summary>The sections of the platform and which role opens each; the drawer shows only what the user may open.</summary>
public static class NavigationItems
{
    public static IReadOnlyList<NavigationItem> All { get; } =
    [
        new("Studies", "studies", Icons.Material.Filled.Science, Policies.Researcher),
        new("Generation", "generation", Icons.Material.Filled.Movie, Policies.Researcher),
        new("Captions", "captions", Icons.Material.Filled.Subtitles, Policies.Annotator),
        new("Reviews", "reviews", Icons.Material.Filled.FactCheck, Policies.Reviewer),
        new("Users", "admin/users", Icons.Material.Filled.ManageAccounts, Policies.Admin),
        new("Inference servers", "admin/servers", Icons.Material.Filled.Dns, Policies.Admin),
    ];

    public static IReadOnlyList<NavigationItem> For(ClaimsPrincipal user) => [.. All.Where(i => user.IsInRole(i.Policy))];
}
