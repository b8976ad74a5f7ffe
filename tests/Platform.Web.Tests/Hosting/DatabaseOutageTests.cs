using System.Net;
using System.Net.Http.Json;
using Platform.Testing;
using Platform.Web.Hosting.Database;

namespace Platform.Tests.Hosting;

public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task While_postgresql_is_down_api_requests_get_503_problems_with_retry_after_never_500()
    {
        var directory = TestDatabase.NewDirectory("outage");
        List<HttpResponseMessage> answers = [];
        await using (var cluster = await EmbeddedPostgres.StartAsync(Path.Combine(directory, "postgres"), settings: ["fsync=off"]))
        await using (var factory = new PlatformFactory(await cluster.EnsureDatabaseAsync("platform")))
        {
            var participant = factory.CreateClient();
            var admin = await factory.AdminAsync();
            await cluster.StopAsync();

            answers.Add(await participant.GetAsync($"/api/sessions/{Platform.Voting.SessionTokens.New()}/next")); // a token of the right shape: looked up
            answers.Add(await participant.PostAsync($"/api/studies/{Guid.NewGuid()}/sessions", JsonContent.Create(new { participantId = "p1" })));
            answers.Add(await admin.GetAsync("/api/studies")); // the bearer token is checked in the database too
        }
        TestDatabase.Remove(directory);

        foreach (var answer in answers)
        {
            answer.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, answer.RequestMessage!.RequestUri!.ToString());
            answer.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            answer.Headers.RetryAfter!.Delta!.Value.Should().BePositive();
        }
    }
}
