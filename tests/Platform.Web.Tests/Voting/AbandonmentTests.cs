using System.Net;
using System.Net.Http.Json;
using Platform.Testing;
using Platform.Web.Voting;

namespace Platform.Tests.Voting;

#pragma warning disable CA1001 // xunit disposes it through IAsyncLifetime
public sealed class AbandonmentTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private PlatformFactory _factory = default!;

    public async Task InitializeAsync()
    {
        _factory = new PlatformFactory(await TestDatabase.CreateAsync("abandon"), new Dictionary<string, string?> { ["Voting:AbandonAfter"] = "00:00:01" });
        _ = _factory.Server;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_trial_left_unanswered_too_long_goes_to_someone_else_and_the_late_answer_is_refused()
    {
        var researcher = await _factory.NewResearcherAsync("abandon.researcher@platform.test");
        var studyId = await researcher.OpenStudyWithVideosAsync(new StudyBuilder { JudgmentsPerTrial = 1, TrialsPerParticipant = 1 }.Build(), prompts: 1);
        var (slow, slowToken) = await StartAsync(studyId, "slow");
        var (fast, fastToken) = await StartAsync(studyId, "fast");
        var slowTrial = await slow.GetFromJsonAsync<TrialResponse>($"/api/sessions/{slowToken}/next", ApiClient.Json);

        var whileHeld = await fast.GetAsync($"/api/sessions/{fastToken}/next");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var fastTrial = await fast.GetFromJsonAsync<TrialResponse>($"/api/sessions/{fastToken}/next", ApiClient.Json);
        (await fast.PostAsJsonAsync($"/api/sessions/{fastToken}/judgments", new JudgmentRequest(fastTrial!.TrialId, "left", 500), ApiClient.Json))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        var late = await slow.PostAsJsonAsync($"/api/sessions/{slowToken}/judgments", new JudgmentRequest(slowTrial!.TrialId, "right", 5000), ApiClient.Json);

        whileHeld.StatusCode.Should().Be(HttpStatusCode.Conflict, "the only trial is held by the first participant and k = 1");
        fastTrial.TrialId.Should().Be(slowTrial.TrialId);
        late.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await late.Content.ReadAsStringAsync()).Should().Contain("went to someone else");
    }

    private async Task<(HttpClient Client, string Token)> StartAsync(Guid studyId, string participant)
    {
        var client = _factory.CreateClient();
        var start = await client.PostAsJsonAsync($"/api/studies/{studyId}/sessions", new StartSession(participant, "direct"), ApiClient.Json);
        return (client, (await start.Content.ReadFromJsonAsync<SessionToken>(ApiClient.Json))!.Token);
    }
}
