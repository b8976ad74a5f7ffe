using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Accounts;
using Platform.Testing;

namespace Platform.Tests.Hosting;

[Collection(PlatformHost.Name)]
public sealed class OperationsTests(PlatformFixture fixture)
{
    [Fact]
    public async Task The_openapi_document_lists_the_endpoints()
    {
        var json = await fixture.Factory.CreateClient().GetStringAsync("/openapi/v1.json");

        var paths = JsonDocument.Parse(json).RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().Contain(["/api/auth/tokens", "/api/auth/tokens/current", "/api/me", "/api/users", "/api/users/{id}/roles", "/api/users/{id}/disable"],
            "accounts");
        paths.Should().Contain(["/api/studies", "/api/studies/{id}", "/api/studies/{id}/open", "/api/studies/{id}/pause", "/api/studies/{id}/close",
            "/api/studies/{id}/videos", "/media/{id}"], "studies");
        paths.Should().Contain(["/api/studies/{id}/sessions", "/api/sessions/{token}", "/api/sessions/{token}/next", "/api/sessions/{token}/judgments"],
            "participants");
        paths.Should().Contain(["/api/studies/{id}/results", "/api/studies/{id}/results.csv", "/api/studies/{id}/results.tex",
            "/api/studies/{id}/judgments.csv", "/api/studies/{id}/judgments/import"], "results");
        paths.Should().Contain(["/api/servers", "/api/servers/{id}", "/api/studies/{id}/generation/preview", "/api/studies/{id}/generation/batches",
            "/api/generation/batches/{batchId}", "/api/generation/batches/{batchId}/cancel"], "generation");
        paths.Should().Contain(["/api/synthetic-videos", "/api/synthetic-videos/imports", "/api/synthetic-videos/imports/{importId}",
            "/api/synthetic-videos/{id}/caption", "/api/synthetic-videos/{id}/caption/submit", "/api/synthetic-videos/{id}/caption/accept",
            "/api/synthetic-videos/{id}/caption/reject", "/api/captions/templates", "/api/captions/annotators", "/api/captions/export"], "captions");
        var answer = JsonDocument.Parse(json).RootElement.GetProperty("paths").GetProperty("/api/sessions/{token}/judgments").GetProperty("post").GetProperty("responses");
        answer.EnumerateObject().Select(r => r.Name).Should().Contain(["201", "200", "409", "422", "429"], "scripts learn the refusals from the document too");
    }

    [Fact]
    public async Task The_api_reference_page_is_served_at_api_docs()
    {
        var response = await fixture.Factory.CreateClient().GetAsync("/api/docs/");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Platform API");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/studies")]
    [InlineData("/admin/users")]
    [InlineData("/jobs")]
    public async Task Pages_send_anonymous_visitors_to_sign_in(string path)
    {
        var client = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/signin?ReturnUrl=");
    }

    [Fact]
    public async Task The_jobs_dashboard_is_refused_to_a_signed_in_reviewer()
    {
        const string password = "reviewer-password";
        await (await fixture.Factory.AdminAsync()).CreateUserAsync("reviewer.jobs@platform.test", password, Role.Reviewer);
        var reviewer = await fixture.Factory.SignedInWithCookieAsync("reviewer.jobs@platform.test", password);

        var response = await reviewer.GetAsync("/jobs");

        // Pages answer a signed-in visitor without the role with the "no access" page, as for any admin page.
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/forbidden?ReturnUrl=%2Fjobs");
    }

    [Fact]
    public async Task The_jobs_dashboard_is_shown_to_a_signed_in_admin()
    {
        var admin = await fixture.Factory.SignedInWithCookieAsync(PlatformFactory.AdminEmail, PlatformFactory.AdminPassword);

        var response = await admin.GetAsync("/jobs");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Platform jobs");
    }

    [Fact]
    public async Task The_sign_in_page_is_open_to_everyone()
    {
        var html = await fixture.Factory.CreateClient().GetStringAsync("/signin");

        html.Should().Contain("<form").And.Contain("name=\"Input.Email\"");
    }
}
