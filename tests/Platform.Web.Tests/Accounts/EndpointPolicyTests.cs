using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Platform.Tests.Accounts;

/// <summary>Every page and endpoint declares who may use it; the ones open to everyone are open on purpose.</summary>
[Collection(PlatformHost.Name)]
public sealed class EndpointPolicyTests(PlatformFixture fixture)
{
    // Routes open to anonymous visitors, each with the reason. A route pattern ending in '*' stands for its prefix.
    private static readonly Dictionary<string, string> OpenOnPurpose = new()
    {
        ["/signin"] = "the sign-in form",
        ["/not-found"] = "the page any visitor is shown for an unknown address",
        ["/take/{StudyId:guid}"] = "participants have no account: the study link is their way in",
        ["/take/{*Link}"] = "a mistyped study link gets a page for participants, not the staff sign-in",
        ["/api/auth/tokens/"] = "scripts exchange an email and password for a bearer token (rate-limited)",
        ["/api/studies/{id:guid}/sessions"] = "participants start a session without an account (rate-limited)",
        ["/api/sessions/{token}*"] = "participants fetch and answer trials with their session token (rate-limited)",
        ["/media/{id}"] = "study videos and posters, for anyone holding their unguessable id (participants)",
        ["/health"] = "load balancers and orchestrators probe without credentials",
        ["/openapi/{documentName}.json"] = "the API description, as public as the API reference",
        ["/api/docs*"] = "the API reference page (Scalar) and its assets",
        ["/_blazor*"] = "the Blazor circuit: participants need one too, and each page still declares its own policy",
        ["/_framework/opaque-redirect"] = "Blazor finishes an enhanced form post's redirect there, for signed-in visitors or not",
    };

    [Fact]
    public void Every_page_and_endpoint_declares_its_policy()
    {
        var undeclared = Endpoints().Where(e => !DeclaresPolicy(e) && !AllowsAnonymous(e)).Select(Describe);

        undeclared.Should().BeEmpty("each page and endpoint names a policy (or [AllowAnonymous]) rather than relying on the fallback");
    }

    [Fact]
    public void Only_the_endpoints_meant_for_everyone_are_open()
    {
        var open = Endpoints().Where(e => AllowsAnonymous(e) && !IsStaticAsset(e) && !OpenOnPurpose.Keys.Any(route => Matches(route, e.RoutePattern.RawText)));

        open.Select(Describe).Should().BeEmpty("an endpoint open to anonymous visitors must be listed in OpenOnPurpose with its reason");
    }

    [Fact]
    public void Each_reason_for_an_open_endpoint_still_has_its_endpoint()
    {
        var patterns = Endpoints().Where(AllowsAnonymous).Select(e => e.RoutePattern.RawText).ToList();

        OpenOnPurpose.Keys.Where(route => !patterns.Any(p => Matches(route, p))).Should().BeEmpty("a route no longer open should leave the list");
    }

    private IEnumerable<RouteEndpoint> Endpoints() =>
        fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    private static bool DeclaresPolicy(Endpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any() || endpoint.Metadata.GetMetadata<AuthorizationPolicy>() is not null;

    private static bool AllowsAnonymous(Endpoint endpoint) => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    // The files of wwwroot/, _framework/ and the packages' _content/ (MapStaticAssets): needed before sign-in.
    private static bool IsStaticAsset(Endpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().FullName == "Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor");

    private static bool Matches(string route, string? pattern) =>
        route.EndsWith('*') ? pattern?.StartsWith(route[..^1], StringComparison.Ordinal) == true : pattern == route;

    private static string Describe(RouteEndpoint endpoint) => $"{endpoint.RoutePattern.RawText} ({endpoint.DisplayName})";
}
