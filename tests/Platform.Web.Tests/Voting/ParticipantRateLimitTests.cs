using System.Net;
using Platform.Testing;

namespace Platform.Tests.Voting;

public sealed class ParticipantRateLimitTests
{
    [Fact]
    public async Task A_client_over_the_participant_limit_is_refused_with_a_problem_and_when_to_retry()
    {
        await using var factory = new PlatformFactory(await TestDatabase.CreateAsync("participantlimit"),
            new Dictionary<string, string?> { ["Voting:RequestsPerClientPerMinute"] = "3" });
        var participant = factory.CreateClient();
        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            allowed.Add((await participant.GetAsync("/api/sessions/no-such-session/next")).StatusCode);

        var refused = await participant.GetAsync("/api/sessions/no-such-session/next");

        allowed.Should().NotContain(HttpStatusCode.TooManyRequests);
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        refused.Headers.RetryAfter!.Delta!.Value.Should().BePositive();
    }
}
