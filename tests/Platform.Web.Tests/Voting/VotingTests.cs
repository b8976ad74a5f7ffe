using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Platform.Studies;
using Platform.Testing;
using Platform.Voting;
using Platform.Web.Voting;

namespace Platform.Tests.Voting;

[Collection(VotingHost.Name)]
public sealed class VotingTests(PlatformFixture fixture)
{
    private PlatformFactory Factory => fixture.Factory;

    [Fact]
    public async Task Twenty_concurrent_participants_never_push_a_trial_past_k_and_never_see_a_condition()
    {
        var researcher = await fixture.ResearcherAsync();
        var settings = new StudyBuilder { JudgmentsPerTrial = 3, TrialsPerParticipant = 2 }.Build();
        var studyId = await researcher.OpenStudyWithVideosAsync(settings, prompts: 4, fileName: "secret-file-name.mp4");
        var bodies = new ConcurrentBag<string>();

        await Parallel.ForEachAsync(Enumerable.Range(0, 20), new ParallelOptions { MaxDegreeOfParallelism = 20 }, async (i, ct) =>
        {
            var client = Factory.CreateClient();
            var start = await client.PostAsJsonAsync($"/api/studies/{studyId}/sessions", new StartSession($"participant-{i}", "prolific"), ApiClient.Json, ct);
            var token = (await start.Content.ReadFromJsonAsync<SessionToken>(ApiClient.Json, ct))!.Token;
            while (true)
            {
                var next = await client.GetAsync($"/api/sessions/{token}/next", ct);
                bodies.Add(await next.Content.ReadAsStringAsync(ct));
                if (next.StatusCode != HttpStatusCode.OK) break;
                var trial = (await next.Content.ReadFromJsonAsync<TrialResponse>(ApiClient.Json, ct))!;
                var answer = await client.PostAsJsonAsync($"/api/sessions/{token}/judgments", new JudgmentRequest(trial.TrialId, "left", 1500), ApiClient.Json, ct);
                answer.StatusCode.Should().Be(HttpStatusCode.Created);
            }
        });

        var slots = await SlotsAsync(studyId);
        slots.Where(s => s.JudgedAt != null).GroupBy(s => s.TrialId).Should().AllSatisfy(g => g.Count().Should().BeLessThanOrEqualTo(3));
        slots.Count(s => s.JudgedAt != null).Should().Be(4 * 3, "4 trials × k = 3, and 20 participants × 2 trials is more than enough");
        var secrets = settings.Conditions.SelectMany(c => new[] { c.Key, c.Label }).Append("secret-file-name");
        bodies.Should().NotContain(b => secrets.Any(s => b.Contains(s, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task A_replayed_answer_counts_once_and_a_changed_answer_is_409()
    {
        var (client, token, trial) = await StartAndGetTrialAsync(new StudyBuilder().Build(), "replayer");

        var first = await client.PostAsJsonAsync($"/api/sessions/{token}/judgments", new JudgmentRequest(trial.TrialId, "same", 900), ApiClient.Json);
        var replay = await client.PostAsJsonAsync($"/api/sessions/{token}/judgments", new JudgmentRequest(trial.TrialId, "same", 1200), ApiClient.Json);
        var changed = await client.PostAsJsonAsync($"/api/sessions/{token}/judgments", new JudgmentRequest(trial.TrialId, "right", 1300), ApiClient.Json);

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        replay.StatusCode.Should().Be(HttpStatusCode.OK);
        var stored = (await first.Content.ReadFromJsonAsync<JudgmentResponse>(ApiClient.Json))!;
        (await replay.Content.ReadFromJsonAsync<JudgmentResponse>(ApiClient.Json)).Should().Be(stored, "the stored judgment is returned");
        changed.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await changed.Content.ReadAsStringAsync()).Should().Contain("first answer stands");
        var session = await SessionAsync(token);
        session.Judgments.Should().ContainSingle().Which.Choice.Should().Be(Choice.Same);
    }

    [Fact]
    public async Task A_choice_outside_the_scale_is_422()
    {
        var (client, token, trial) = await StartAndGetTrialAsync(new StudyBuilder { Scale = PairwiseScale.TwoWay }.Build(), "two-way");

        var response = await client.PostAsJsonAsync($"/api/sessions/{token}/judgments", new JudgmentRequest(trial.TrialId, "same", 900), ApiClient.Json);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).Should().Contain("left, right");
        trial.Choices.Should().Equal(Choice.Left, Choice.Right);
    }

    [Fact]
    public async Task An_unknown_choice_is_422_naming_the_choices_the_scale_allows()
    {
        var (client, token, trial) = await StartAndGetTrialAsync(new StudyBuilder().Build(), "maybe-sayer");

        var response = await client.PostAsJsonAsync($"/api/sessions/{token}/judgments", new { trialId = trial.TrialId, choice = "maybe", decisionMs = 900 });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain("'maybe' is not an answer on this study's scale; use left, same, right.");
        (await SessionAsync(token)).Judgments.Should().BeEmpty();
    }

    [Fact]
    public async Task Starting_a_session_is_201_with_its_token()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.OpenStudyWithVideosAsync(new StudyBuilder().Build(), prompts: 1);

        var response = await Factory.CreateClient().PostAsJsonAsync($"/api/studies/{studyId}/sessions", new StartSession("newcomer", "prolific"), ApiClient.Json);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var token = (await response.Content.ReadFromJsonAsync<SessionToken>(ApiClient.Json))!.Token;
        token.Should().NotBeNullOrWhiteSpace();
        response.Headers.Location!.OriginalString.Should().Be($"/api/sessions/{token}");
        (await SessionAsync(token)).Should().BeEquivalentTo(new { StudyId = studyId, ParticipantId = "newcomer", Source = "prolific" });
    }

    [Fact]
    public async Task Reloading_resumes_the_same_trial_and_starting_again_with_the_token_gives_the_same_session()
    {
        var (client, token, trial) = await StartAndGetTrialAsync(new StudyBuilder().Build(), "reloader");

        var again = await client.GetFromJsonAsync<TrialResponse>($"/api/sessions/{token}/next", ApiClient.Json);
        var restart = await client.PostAsJsonAsync($"/api/studies/{(await SessionAsync(token)).StudyId}/sessions",
            new StartSession("reloader", "prolific", ResumeToken: token), ApiClient.Json);

        again!.TrialId.Should().Be(trial.TrialId);
        again.Videos.Select(v => v.Url).Should().Equal(trial.Videos.Select(v => v.Url), "the sides stay as first shown");
        restart.StatusCode.Should().Be(HttpStatusCode.OK);
        (await restart.Content.ReadFromJsonAsync<SessionToken>(ApiClient.Json))!.Token.Should().Be(token);
    }

    [Fact]
    public async Task Answering_every_trial_finishes_with_the_completion_code_and_no_trial_twice()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.OpenStudyWithVideosAsync(new StudyBuilder { TrialsPerParticipant = 3, GoldRate = 0.34 }.Build(), prompts: 3);
        var client = Factory.CreateClient();
        var token = await StartAsync(client, studyId, "finisher");
        var seen = new List<Guid>();

        HttpResponseMessage next;
        while ((next = await client.GetAsync($"/api/sessions/{token}/next")).StatusCode == HttpStatusCode.OK)
        {
            var body = await next.Content.ReadAsStringAsync();
            var trial = JsonSerializer.Deserialize<TrialResponse>(body, ApiClient.Json)!;
            seen.Add(trial.TrialId);
            // Gold or not, a trial looks the same: the same fields per video, and never one file (say, a shared poster) on both sides.
            using var json = JsonDocument.Parse(body);
            var videos = json.RootElement.GetProperty("videos").EnumerateArray().ToList();
            videos.Should().AllSatisfy(v => v.EnumerateObject().Select(p => p.Name).Should().Contain(["position", "url"]).And.BeSubsetOf(["position", "url", "frameRate"]));
            body.Split("/media/").Skip(1).Select(m => m.Split('"')[0]).Should().OnlyHaveUniqueItems();
            (await client.PostAsJsonAsync($"/api/sessions/{token}/judgments", new JudgmentRequest(trial.TrialId, "left", 800), ApiClient.Json)).EnsureSuccessStatusCode();
        }

        next.StatusCode.Should().Be(HttpStatusCode.NoContent);
        seen.Should().HaveCount(3).And.OnlyHaveUniqueItems();
        var state = await client.GetFromJsonAsync<SessionState>($"/api/sessions/{token}", ApiClient.Json);
        state!.Completed.Should().BeTrue();
        state.CompletionCode.Should().Be("C1A2B3");
        (await SessionAsync(token)).Judgments.Should().ContainSingle(j => j.IsGold, "a gold rate of 0.34 over 3 trials is one gold trial");
    }

    [Fact]
    public async Task Sides_are_counterbalanced_within_each_trial_and_across_a_condition_pair()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.OpenStudyWithVideosAsync(new StudyBuilder { JudgmentsPerTrial = 2, TrialsPerParticipant = 1 }.Build(), prompts: 2);
        for (var i = 0; i < 4; i++)
        {
            var client = Factory.CreateClient();
            var token = await StartAsync(client, studyId, $"balanced-{i}");
            var trial = await client.GetFromJsonAsync<TrialResponse>($"/api/sessions/{token}/next", ApiClient.Json);
            (await client.PostAsJsonAsync($"/api/sessions/{token}/judgments", new JudgmentRequest(trial!.TrialId, "left", 800), ApiClient.Json)).EnsureSuccessStatusCode();
        }

        await using var session = Factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var judgments = await session.Events.QueryRawEventDataOnly<JudgmentRecorded>().Where(j => j.StudyId == studyId).ToListAsync();
        judgments.Should().HaveCount(4);
        judgments.Count(j => j.LeftCondition == "ours-simdrop").Should().Be(2);
        judgments.GroupBy(j => j.TrialId).Should().HaveCount(2)
            .And.OnlyContain(g => g.Count(j => j.LeftCondition == "ours-simdrop") == 1, "each trial is shown once either way");
    }

    [Fact]
    public async Task A_rating_gold_trial_shows_the_corrupted_copy_and_expects_failure()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.OpenStudyWithVideosAsync((StudyBuilder.Rating() with { TrialsPerParticipant = 2, GoldRate = 0.5 }).Build(), prompts: 1);
        var client = Factory.CreateClient();
        var token = await StartAsync(client, studyId, "gold-rater");
        (await client.AnswerAsync(token, (await client.NextTrialAsync(token)).TrialId, Choice.Success)).EnsureSuccessStatusCode();

        var trial = await client.NextTrialAsync(token);
        (await client.AnswerAsync(token, trial.TrialId, Choice.Success)).EnsureSuccessStatusCode();

        await using var session = Factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var videos = await session.Query<CandidateVideo>().Where(v => v.StudyId == studyId).ToListAsync();
        trial.Videos.Should().ContainSingle().Which.Url.Should().BeOneOf(videos.Select(v => $"/media/{v.CorruptedMediaId}"));
        (await SessionAsync(token)).Judgments.Should().ContainSingle(j => j.IsGold).Which.Should().BeEquivalentTo(new { TrialId = trial.TrialId, Correct = false });
    }

    [Fact]
    public async Task A_study_with_judgments_refuses_changes_that_would_invalidate_them()
    {
        var researcher = await fixture.ResearcherAsync();
        var settings = new StudyBuilder().Build();
        var studyId = await researcher.OpenStudyWithVideosAsync(settings, prompts: 1);
        var client = Factory.CreateClient();
        var token = await StartAsync(client, studyId, "early-bird");
        var trial = await client.GetFromJsonAsync<TrialResponse>($"/api/sessions/{token}/next", ApiClient.Json);
        await client.PostAsJsonAsync($"/api/sessions/{token}/judgments", new JudgmentRequest(trial!.TrialId, "left", 800), ApiClient.Json);

        var breaking = await researcher.PutAsJsonAsync($"/api/studies/{studyId}", settings with { Question = "Which is prettier?" }, ApiClient.Json);
        var harmless = await researcher.PutAsJsonAsync($"/api/studies/{studyId}", settings with { Title = "A better title" }, ApiClient.Json);

        breaking.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await breaking.Content.ReadAsStringAsync()).Should().Contain("the question can no longer change");
        harmless.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_paused_study_hands_out_no_new_trials_but_keeps_the_answer_to_the_current_one()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.OpenStudyWithVideosAsync(new StudyBuilder().Build(), prompts: 2);
        var client = Factory.CreateClient();
        var token = await StartAsync(client, studyId, "pauser");
        var trial = await client.GetFromJsonAsync<TrialResponse>($"/api/sessions/{token}/next", ApiClient.Json);

        (await researcher.PostAsync($"/api/studies/{studyId}/pause", null)).EnsureSuccessStatusCode();
        var answer = await client.PostAsJsonAsync($"/api/sessions/{token}/judgments", new JudgmentRequest(trial!.TrialId, "left", 800), ApiClient.Json);
        var next = await client.GetAsync($"/api/sessions/{token}/next");

        answer.StatusCode.Should().Be(HttpStatusCode.Created);
        next.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await next.Content.ReadAsStringAsync()).Should().Contain("paused");
    }

    private async Task<(HttpClient Client, string Token, TrialResponse Trial)> StartAndGetTrialAsync(StudySettings settings, string participant)
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.OpenStudyWithVideosAsync(settings, prompts: 1);
        var client = Factory.CreateClient();
        var token = await StartAsync(client, studyId, participant);
        var trial = await client.GetFromJsonAsync<TrialResponse>($"/api/sessions/{token}/next", ApiClient.Json);
        return (client, token, trial!);
    }

    private static Task<string> StartAsync(HttpClient client, Guid studyId, string participant) => client.StartSessionAsync(studyId, participant);

    private async Task<ParticipantSession> SessionAsync(string token)
    {
        await using var session = Factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Query<ParticipantSession>().SingleAsync(s => s.Token == token);
    }

    private sealed record SlotRow(Guid TrialId, Guid? SessionId, DateTimeOffset? JudgedAt);

    private async Task<IReadOnlyList<SlotRow>> SlotsAsync(Guid studyId)
    {
        await using var session = Factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.QueryAsync<SlotRow>(
            "select json_build_object('TrialId', trial_id, 'SessionId', session_id, 'JudgedAt', judged_at) from voting_slots where study_id = ?", studyId);
    }
}
