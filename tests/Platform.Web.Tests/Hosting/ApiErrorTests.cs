using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Platform.Tests.Hosting;

/// <summary>Bad requests as a script author (or an attacker) sends them: each gets problem+json that says what is wrong.</summary>
[Collection(PlatformHost.Name)]
public sealed class ApiErrorTests(PlatformFixture fixture)
{
    [Theory]
    [InlineData("{\"participantId\": ", "application/json", HttpStatusCode.BadRequest, "must be JSON")]
    [InlineData("{\"participantId\": 42, \"source\": []}", "application/json", HttpStatusCode.BadRequest, "The field $.participantId has no value of its type")]
    [InlineData("participantId=p1", "text/plain", HttpStatusCode.UnsupportedMediaType, "application/json")]
    public async Task A_body_the_endpoint_cannot_read_is_refused_with_what_to_send(string body, string mediaType, HttpStatusCode status, string says)
    {
        var response = await fixture.Factory.CreateClient()
            .PostAsync($"/api/studies/{Guid.NewGuid()}/sessions", new StringContent(body, Encoding.UTF8, mediaType));

        await ShouldBeProblemAsync(response, status, says);
    }

    [Theory]
    [InlineData("POST", "/api/studies/not-a-guid/sessions")]
    [InlineData("GET", "/api/no-such-endpoint")]
    public async Task An_address_no_endpoint_answers_is_404_not_a_sign_in_challenge(string method, string path)
    {
        var response = await fixture.Factory.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = JsonContent.Create(new { participantId = "p1", source = "prolific" }),
        });

        await ShouldBeProblemAsync(response, HttpStatusCode.NotFound, "/api/docs");
    }

    [Fact]
    public async Task A_staff_endpoint_still_asks_an_anonymous_caller_to_sign_in()
    {
        (await fixture.Factory.CreateClient().GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private static async Task ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status, string says)
    {
        response.StatusCode.Should().Be(status);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("detail").GetString().Should().Contain(says);
    }
}
