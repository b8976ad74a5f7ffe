using System.Net;
using System.Net.Http.Json;
using Platform.Accounts;
using Platform.Testing;
using Platform.Web.Accounts;
using Platform.Web.Hosting;

namespace Platform.Tests.Hosting;

/// <summary>CSRF: a change riding on the sign-in cookie must come from the site's own pages; tokens are unaffected.</summary>
[Collection(PlatformHost.Name)]
public sealed class CrossSiteRequestTests(PlatformFixture fixture)
{
    private const string Own = "http://localhost";

    [Theory]
    [InlineData("POST", true, false, "cross-site", "http://evil.example", false)]
    [InlineData("POST", true, false, "same-site", "http://sub.localhost", false)]
    [InlineData("DELETE", true, false, null, "http://evil.example", false)]
    [InlineData("PUT", true, false, null, null, false)]
    [InlineData("POST", true, false, "same-origin", Own, true)]
    [InlineData("POST", true, false, "none", "http://evil.example", false)]
    [InlineData("POST", true, false, null, Own, true)]
    [InlineData("POST", true, false, null, "HTTP://LOCALHOST", true)]
    [InlineData("POST", true, true, "cross-site", "http://evil.example", true)]
    [InlineData("POST", false, false, "cross-site", "http://evil.example", true)]
    [InlineData("GET", true, false, "cross-site", "http://evil.example", true)]
    public void Only_same_origin_changes_ride_on_the_cookie(string method, bool cookie, bool bearer, string? fetchSite, string? origin, bool allowed) =>
        CrossSiteRequests.Allows(method, cookie, bearer, fetchSite, origin, Own).Should().Be(allowed);

    [Fact]
    public async Task A_cross_origin_form_post_with_the_admins_cookie_changes_nothing_and_the_sites_own_post_works()
    {
        var factory = fixture.Factory;
        var victim = await (await factory.AdminAsync()).CreateUserAsync($"victim-{Guid.NewGuid():N}@platform.test", "victim-password", Role.Annotator);
        var admin = await CookieBrowser.SignInAsync(factory, PlatformFactory.AdminEmail, PlatformFactory.AdminPassword);

        var forged = await admin.SendAsync(CrossSite(HttpMethod.Post, $"/api/users/{victim.Id}/disable", new FormUrlEncodedContent([])));

        forged.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        forged.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await forged.Content.ReadAsStringAsync()).Should().Contain(CrossSiteRequests.RefusedMessage);
        (await StatusOf(victim.Id)).Disabled.Should().BeFalse();

        var own = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/users/{victim.Id}/disable"));

        own.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await StatusOf(victim.Id)).Disabled.Should().BeTrue();
    }

    [Fact]
    public async Task A_forged_multipart_judgment_import_is_refused_before_it_is_read()
    {
        var researcher = await fixture.ResearcherAsync();
        var study = await researcher.CreateStudyAsync(StudyBuilder.Rating().Build());
        var browser = await CookieBrowser.SignInAsync(fixture.Factory, "researcher.fixture@platform.test", "researcher-password");
        var form = new MultipartFormDataContent { { new StringContent("participant,left,right,answer\np1,a,b,left\n"), "file", "judgments.csv" } };

        var forged = await browser.SendAsync(CrossSite(HttpMethod.Post, $"/api/studies/{study}/judgments/import", form));

        forged.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_cookie_post_without_origin_or_fetch_metadata_is_refused_but_a_bearer_token_is_not()
    {
        var victim = await (await fixture.Factory.AdminAsync()).CreateUserAsync($"victim-{Guid.NewGuid():N}@platform.test", "victim-password", Role.Annotator);
        var admin = await CookieBrowser.SignInAsync(fixture.Factory, PlatformFactory.AdminEmail, PlatformFactory.AdminPassword);
        var bare = new HttpRequestMessage(HttpMethod.Post, $"/api/users/{victim.Id}/disable");
        bare.Headers.Add("Sec-Fetch-Site", "");

        (await admin.SendAsync(bare)).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var script = await fixture.Factory.AdminAsync();
        script.DefaultRequestHeaders.Add("Origin", "http://evil.example");
        (await script.PostAsync($"/api/users/{victim.Id}/disable", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Signing_out_without_the_forms_token_is_a_400_not_a_server_error()
    {
        var admin = await CookieBrowser.SignInAsync(fixture.Factory, PlatformFactory.AdminEmail, PlatformFactory.AdminPassword);

        var response = await admin.PostAsync("/signout", []);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await admin.GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.OK, "a refused sign-out leaves the sign-in alone");
    }

    private static HttpRequestMessage CrossSite(HttpMethod method, string path, HttpContent content)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("Origin", "http://evil.example");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        return request;
    }

    private async Task<UserView> StatusOf(Guid id) =>
        (await (await fixture.Factory.AdminAsync()).GetFromJsonAsync<List<UserView>>("/api/users", ApiClient.Json))!.Single(u => u.Id == id);
}
