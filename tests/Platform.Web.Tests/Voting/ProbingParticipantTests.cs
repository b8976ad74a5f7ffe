using System.Net.Http.Json;
using Marten;
using Platform.Testing;
using Platform.Voting;

namespace Platform.Tests.Voting;

/// <summary>What a participant who probes the API (a bot author, a speeder) can and cannot make the platform believe.</summary>
public sealed class ProbingParticipantTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task The_decision_time_is_measured_by_the_server_not_taken_from_the_request()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.OpenStudyWithVideosAsync(new StudyBuilder().Build(), prompts: 1);
        var client = fixture.Factory.CreateClient();
        var token = await client.StartSessionAsync(studyId, "speeder");
        var trial = await client.NextTrialAsync(token);
        var sent = DateTimeOffset.UtcNow;

        var answered = await client.PostAsJsonAsync($"/api/sessions/{token}/judgments", new JudgmentRequest(trial.TrialId, "left", 1234), ApiClient.Json);

        var elapsed = (DateTimeOffset.UtcNow - sent).TotalMilliseconds;
        var response = (await answered.Content.ReadFromJsonAsync<JudgmentResponse>(ApiClient.Json))!;
        response.DecisionMs.Should().BeLessThan(1234, "the answer came straight after the trial was handed out, whatever the request claims")
            .And.BeLessThanOrEqualTo((int)elapsed + 1000, "from hand-out to answer");
        await using var session = fixture.Factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var stored = (await session.Query<ParticipantSession>().SingleAsync(s => s.Token == token)).Judgments.Single();
        (stored.DecisionMs, stored.ClientDecisionMs).Should().Be((response.DecisionMs, 1234), "the page's figure is kept beside it, clearly named");
    }
}
