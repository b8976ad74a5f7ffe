using System.Net;
using System.Net.Http.Json;
using Bunit;
using Marten;
using Platform.Testing;
using Platform.Tests.Components;
using Platform.Voting;
using Platform.Web.Voting;

namespace Platform.Tests.Voting;

/// <summary>A session belongs to the browser that started it: someone who knows or guesses a participant id gets nothing.</summary>
[Collection(ParticipantsHost.Name)]
public sealed class SessionBindingTests(PlatformFixture fixture) : BunitTest
{
    [Fact]
    public async Task A_known_participant_id_without_the_token_is_refused_and_learns_nothing()
    {
        var studyId = await OpenStudyAsync();
        var owner = fixture.Factory.CreateClient();
        var token = await owner.StartSessionAsync(studyId, "5f2a9c1e8b7d6e0012345678");
        var trial = await owner.NextTrialAsync(token);
        var attacker = fixture.Factory.CreateClient();

        var bare = await attacker.PostAsJsonAsync($"/api/studies/{studyId}/sessions", new StartSession("5f2a9c1e8b7d6e0012345678", "prolific"), ApiClient.Json);
        var guessed = await attacker.PostAsJsonAsync($"/api/studies/{studyId}/sessions",
            new StartSession(" 5f2a9c1e8b7d6e0012345678 ", "prolific", ResumeToken: SessionTokens.New()), ApiClient.Json);

        foreach (var refused in new[] { bare, guessed })
        {
            refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
            refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            var body = await refused.Content.ReadAsStringAsync();
            body.Should().Contain("already started this study in another browser").And.NotContain(token);
        }
        (await owner.NextTrialAsync(token)).TrialId.Should().Be(trial.TrialId, "the owner carries on untouched");
        var resumed = await owner.PostAsJsonAsync($"/api/studies/{studyId}/sessions", new StartSession("5f2a9c1e8b7d6e0012345678", "prolific", ResumeToken: token), ApiClient.Json);
        resumed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await resumed.Content.ReadFromJsonAsync<SessionToken>(ApiClient.Json))!.Token.Should().Be(token);
    }

    [Fact]
    public async Task Twenty_browsers_starting_one_participant_id_at_once_get_one_session_and_nineteen_refusals()
    {
        var studyId = await OpenStudyAsync();
        var client = fixture.Factory.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            client.PostAsJsonAsync($"/api/studies/{studyId}/sessions", new StartSession("shared-id", "prolific"), ApiClient.Json)));

        responses.Select(r => r.StatusCode).Should().ContainSingle(s => s == HttpStatusCode.Created)
            .And.Subject.Count(s => s == HttpStatusCode.Conflict).Should().Be(19);
    }

    [Fact]
    public async Task A_released_session_carries_on_in_the_next_browser_and_the_first_one_can_no_longer_answer()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await OpenStudyAsync();
        var phone = fixture.Factory.CreateClient();
        var phoneToken = await phone.StartSessionAsync(studyId, "moved-device");
        var trial = await phone.NextTrialAsync(phoneToken);

        var release = await researcher.PostAsJsonAsync($"/api/studies/{studyId}/sessions/release", new ReleaseSession("moved-device"), ApiClient.Json);
        var laptop = fixture.Factory.CreateClient();
        var laptopToken = await laptop.StartSessionAsync(studyId, "moved-device");

        release.StatusCode.Should().Be(HttpStatusCode.NoContent);
        laptopToken.Should().NotBe(phoneToken);
        (await laptop.NextTrialAsync(laptopToken)).TrialId.Should().Be(trial.TrialId, "the participant carries on where they stopped");
        (await phone.GetAsync($"/api/sessions/{phoneToken}/next")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await phone.AnswerAsync(phoneToken, trial.TrialId, Choice.Left)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await phone.PostAsJsonAsync($"/api/studies/{studyId}/sessions", new StartSession("moved-device", "prolific", ResumeToken: phoneToken), ApiClient.Json))
            .StatusCode.Should().Be(HttpStatusCode.Conflict, "the released token is gone for good");
        (await laptop.AnswerAsync(laptopToken, trial.TrialId, Choice.Right)).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Only_a_researcher_releases_and_an_unknown_participant_is_a_404()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await OpenStudyAsync();
        await fixture.Factory.CreateClient().StartSessionAsync(studyId, "stays-put");

        var anonymous = await fixture.Factory.CreateClient().PostAsJsonAsync($"/api/studies/{studyId}/sessions/release", new ReleaseSession("stays-put"), ApiClient.Json);
        var unknown = await researcher.PostAsJsonAsync($"/api/studies/{studyId}/sessions/release", new ReleaseSession("nobody"), ApiClient.Json);

        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync()).Should().Contain("No participant with this id has started this study");
        await using var session = fixture.Factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await session.Query<ParticipantSession>().SingleAsync(s => s.StudyId == studyId)).Released.Should().BeFalse();
    }

    [Fact]
    public async Task The_participant_page_in_another_browser_says_the_study_was_started_elsewhere_and_shows_no_trial()
    {
        var studyId = await OpenStudyAsync();
        await fixture.Factory.CreateClient().StartSessionAsync(studyId, "other-browser");

        var page = TakePages.Render(Context, fixture.Factory, studyId, "PROLIFIC_PID", "other-browser");

        page.WaitForAssertion(() => page.Find("[data-testid=participant-message]").TextContent.Should().Contain("another browser"), TimeSpan.FromSeconds(30));
        page.FindAll("[data-testid=trial]").Should().BeEmpty();
    }

    private async Task<Guid> OpenStudyAsync() =>
        await (await fixture.ResearcherAsync()).OpenStudyWithVideosAsync(new StudyBuilder { TrialsPerParticipant = 2 }.Build(), prompts: 2);
}
