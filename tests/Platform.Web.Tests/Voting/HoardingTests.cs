using System.Net;
using System.Net.Http.Json;
using Platform.Testing;
using Platform.Voting;
using Platform.Web.Studies;
using Platform.Web.Voting;

namespace Platform.Tests.Voting;

/// <summary>Sessions that take trials and never answer cannot make a study look full; one that returns frees its place at once.</summary>
[Collection(ParticipantsHost.Name)]
public sealed class HoardingTests(PlatformFixture fixture)
{
    [Fact]
    public async Task Three_idle_sessions_holding_every_place_leave_a_newcomer_told_to_come_back_and_a_return_frees_a_place_at_once()
    {
        var researcher = await fixture.ResearcherAsync();
        // Three trials, each judged once: three places in all.
        var studyId = await researcher.OpenStudyWithVideosAsync(new StudyBuilder { JudgmentsPerTrial = 1, TrialsPerParticipant = 1, GoldRate = 0 }.Build(), prompts: 3);
        var client = fixture.Factory.CreateClient();
        var idle = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var token = await client.StartSessionAsync(studyId, $"hoarder-{i}");
            await client.NextTrialAsync(token);
            idle.Add(token);
        }
        var newcomer = await client.StartSessionAsync(studyId, "newcomer");

        var whileHeld = await client.GetAsync($"/api/sessions/{newcomer}/next");
        var returned = await client.PostAsync($"/api/sessions/{idle[0]}/return", null);
        var afterReturn = await client.GetAsync($"/api/sessions/{newcomer}/next");

        whileHeld.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await whileHeld.Content.ReadAsStringAsync()).Should().Contain("try again").And.NotContain("all the judgments it needs");
        whileHeld.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromMinutes(1), "a script is told when to ask again");
        returned.StatusCode.Should().Be(HttpStatusCode.NoContent);
        afterReturn.StatusCode.Should().Be(HttpStatusCode.OK, "the returned place is free at once, not when its hold runs out");
    }

    [Fact]
    public async Task A_returned_session_keeps_its_answers_takes_no_more_and_gets_no_completion_code()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.OpenStudyWithVideosAsync(new StudyBuilder { TrialsPerParticipant = 3, GoldRate = 0 }.Build(), prompts: 3);
        var client = fixture.Factory.CreateClient();
        var token = await client.StartSessionAsync(studyId, "leaver");
        var first = await client.NextTrialAsync(token);
        (await client.AnswerAsync(token, first.TrialId, Choice.Left)).StatusCode.Should().Be(HttpStatusCode.Created);
        var second = await client.NextTrialAsync(token);

        var returned = await client.PostAsync($"/api/sessions/{token}/return", null);
        var again = await client.PostAsync($"/api/sessions/{token}/return", null);
        var next = await client.GetAsync($"/api/sessions/{token}/next");
        var late = await client.AnswerAsync(token, second.TrialId, Choice.Right);
        var state = await client.GetFromJsonAsync<SessionState>($"/api/sessions/{token}", ApiClient.Json);

        (returned.StatusCode, again.StatusCode).Should().Be((HttpStatusCode.NoContent, HttpStatusCode.NoContent));
        (next.StatusCode, late.StatusCode).Should().Be((HttpStatusCode.Conflict, HttpStatusCode.Conflict));
        (await next.Content.ReadAsStringAsync()).Should().Contain("You have returned this study");
        state!.Should().BeEquivalentTo(new { Returned = true, Completed = false, CompletionCode = (string?)null, Progress = new Progress(1, 3) });
        var csv = await researcher.GetStringAsync($"/api/studies/{studyId}/judgments.csv");
        csv.Should().Contain(",leaver,", "the answer given before returning is kept");
        (await researcher.GetFromJsonAsync<StudyDetails>($"/api/studies/{studyId}", ApiClient.Json))!.Counts
            .Should().BeEquivalentTo(new { Sessions = 1, CompletedSessions = 0, ReturnedSessions = 1 });
    }
}
