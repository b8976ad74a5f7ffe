using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Platform.Tests.Hosting;

public sealed class OperationsTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task The_openapi_document_lists_the_endpoints()
    {
        var json = await fixture.Factory.CreateClient().GetStringAsync("/openapi/v1.json");

        var paths = JsonDocument.Parse(json).RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().Contain(["/api/auth/tokens", "/api/auth/tokens/current", "/api/me", "/api/users", "/api/users/{id}/roles", "/api/users/{id}/disable"]);
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
    public async Task The_sign_in_page_is_open_to_everyone()
    {
        var html = await fixture.Factory.CreateClient().GetStringAsync("/signin");

        html.Should().Contain("<form").And.Contain("name=\"Input.Email\"");
    }
}
