using System.Net.Http.Json;
using Bunit;
using Marten;
using Platform.Studies;
using Platform.Testing;
using Platform.Tests.Components;
using Platform.Voting;
using Platform.Web.Voting;
using Platform.Web.Voting.Taking;

namespace Platform.Tests.Voting;

/// <summary>What a participant who probes the API (a bot author, a speeder) can and cannot make the platform believe.</summary>
[Collection(ParticipantsHost.Name)]
public sealed class ProbingParticipantTests(PlatformFixture fixture) : BunitTest
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

    [Fact]
    public async Task The_participant_page_shows_the_title_for_participants_never_the_internal_one_or_the_conditions()
    {
        var researcher = await fixture.ResearcherAsync();
        var settings = new StudyBuilder().Build() with { Title = "SimDrop 0.2 against the base model", PublicTitle = "How natural is the motion?" };
        var studyId = await researcher.OpenStudyWithVideosAsync(settings, prompts: 1);

        var page = RenderTakePage(studyId, "PROLIFIC_PID", "curious-participant");

        page.WaitForAssertion(() => page.Markup.Should().Contain("How natural is the motion?"), TimeSpan.FromSeconds(30));
        page.Markup.Should().NotContainAny([settings.Title, .. settings.Conditions.SelectMany(c => new[] { c.Key, c.Label })]);
    }

    [Fact]
    public async Task No_participant_response_names_the_study_conditions_prompts_or_files_and_one_upload_in_two_studies_has_two_media_ids()
    {
        var researcher = await fixture.ResearcherAsync();
        var settings = new StudyBuilder { TrialsPerParticipant = 1, GoldRate = 0 }.Build() with { Title = "SimDrop 0.2 secret checkpoint" };
        var bodies = new List<string>();
        var media = new List<HashSet<string>>();
        foreach (var participant in new[] { "prober-1", "prober-2" })
        {
            // The same clips, under a telling file name, in two studies.
            var studyId = await researcher.OpenStudyWithVideosAsync(settings, prompts: 1, fileName: "ours_ckpt_1200.mp4");
            var client = fixture.Factory.CreateClient();
            var started = await client.PostAsJsonAsync($"/api/studies/{studyId}/sessions", new StartSession(participant, "prolific"), ApiClient.Json);
            bodies.Add(await started.Content.ReadAsStringAsync());
            var token = (await started.Content.ReadFromJsonAsync<SessionToken>(ApiClient.Json))!.Token;
            var next = await client.GetStringAsync($"/api/sessions/{token}/next");
            bodies.Add(next);
            var trial = System.Text.Json.JsonSerializer.Deserialize<TrialResponse>(next, ApiClient.Json)!;
            media.Add([.. trial.Videos.Select(v => v.Url)]);
            bodies.Add(await (await client.AnswerAsync(token, trial.TrialId, Choice.Left)).Content.ReadAsStringAsync());
            bodies.Add(await client.GetStringAsync($"/api/sessions/{token}"));
        }

        var told = string.Join("\n", bodies);
        told.Should().NotContainAny([settings.Title, "ours_ckpt", "a dancer spins", .. settings.Conditions.SelectMany(c => new[] { c.Key, c.Label })]);
        media[0].Should().NotIntersectWith(media[1], "media ids are random per upload, so the same file cannot be followed across studies");
    }

    [Fact]
    public async Task A_trial_id_cannot_be_computed_from_the_prompt_and_the_condition_keys()
    {
        var researcher = await fixture.ResearcherAsync();
        var settings = new StudyBuilder().Build();
        var studyId = await researcher.OpenStudyWithVideosAsync(settings, prompts: 1);
        var client = fixture.Factory.CreateClient();
        var trial = await client.NextTrialAsync(await client.StartSessionAsync(studyId, "id-guesser"));

        // Everything an outsider could know or guess: the study id (in the link), the prompts, seeds and keys.
        await using var session = fixture.Factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var videos = await session.Query<CandidateVideo>().Where(v => v.StudyId == studyId).ToListAsync();
        var keys = settings.Conditions.Select(c => c.Key).ToList();
        var guesses = videos.SelectMany(v => keys.SelectMany(a => keys.Select(b => Platform.Common.StableId.From(studyId, "pair", v.Prompt, v.Seed, a, b)))).ToList();
        guesses.Should().NotContain(trial.TrialId);
    }

    [Theory]
    [InlineData("{{%PROLIFIC_PID%}}", "placeholder")]
    [InlineData("", "no participant id")]
    public async Task A_link_with_a_placeholder_or_an_empty_prolific_id_says_what_is_wrong_and_starts_nothing(string prolificId, string says)
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.OpenStudyWithVideosAsync(new StudyBuilder().Build(), prompts: 1);

        var page = RenderTakePage(studyId, "PROLIFIC_PID", prolificId);

        page.WaitForAssertion(() => page.Find("[data-testid=participant-message]").TextContent.Should().Contain(says), TimeSpan.FromSeconds(30));
        page.FindAll("[data-testid=start]").Should().BeEmpty();
        (await fixture.Factory.CreateClient().PostAsJsonAsync($"/api/studies/{studyId}/sessions", new StartSession(prolificId, "prolific"), ApiClient.Json))
            .StatusCode.Should().Be(System.Net.HttpStatusCode.UnprocessableEntity, "the API refuses the same ids");
        await using var session = fixture.Factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await session.Query<ParticipantSession>().CountAsync(s => s.StudyId == studyId)).Should().Be(0);
    }

    [Theory]
    [InlineData("/take/0d6b3f2e-91")]
    [InlineData("/take/not-a-study")]
    public async Task A_mistyped_study_link_gets_a_page_for_participants_not_the_staff_sign_in(string link)
    {
        using var client = fixture.Factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync($"{link}?PROLIFIC_PID=5f2a9c1e8b7d6e0012345678");

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("This study link is incomplete or mistyped").And.NotContain("Sign in");
    }

    [Fact]
    public async Task A_head_request_for_a_study_link_is_answered_like_the_page_not_sent_to_the_staff_sign_in()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.OpenStudyWithVideosAsync(new StudyBuilder().Build(), prompts: 1);
        using var client = fixture.Factory.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/take/{studyId}?PROLIFIC_PID=link-checker"));

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        await using var session = fixture.Factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await session.Query<ParticipantSession>().CountAsync(s => s.StudyId == studyId)).Should().Be(0, "looking at a link starts nothing");
    }

    private IRenderedComponent<TakeStudy> RenderTakePage(Guid studyId, string parameter, string value) =>
        TakePages.Render(Context, fixture.Factory, studyId, parameter, value);
}
