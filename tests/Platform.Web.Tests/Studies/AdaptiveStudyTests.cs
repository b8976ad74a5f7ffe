using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Platform.Studies;
using Platform.Testing;
using Platform.Voting;
using Platform.Web.Studies;
using Platform.Web.Voting;

namespace Platform.Tests.Studies;

[Collection(VotingHost.Name)]
public sealed class AdaptiveStudyTests(PlatformFixture fixture)
{
    private PlatformFactory Factory => fixture.Factory;

    [Fact]
    public async Task An_adaptive_study_driven_through_the_api_stops_itself_when_its_goal_is_met_and_its_exports_say_which_rule_and_when()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await OpenBeatsBaselineAsync(researcher, k: 50, trialsPerParticipant: 5, prompts: 3, fullStudyCode: "FULL-7F3A");
        var ours = await MediaOfAsync(studyId, "ours-simdrop");

        // One participant takes a trial early and answers only after the study closed: the answer still counts.
        var late = Factory.CreateClient();
        var lateToken = await late.StartSessionAsync(studyId, "late-answerer");
        var lateTrial = await late.NextTrialAsync(lateToken);

        // The crowd arrives one by one until a newcomer is turned away: once the goal is met no trial is left to hand out,
        // and the study closes itself a moment later (checked off the answer's path).
        var judged = 0;
        for (var p = 0; ; p++)
        {
            judged.Should().BeLessThan(150, "a clear preference decides long before the budget of 200");
            var client = Factory.CreateClient();
            var start = await client.PostAsJsonAsync($"/api/studies/{studyId}/sessions", new StartSession($"crowd-{p}", "prolific"), ApiClient.Json);
            if (start.StatusCode == HttpStatusCode.Conflict) break;
            var token = (await start.Content.ReadFromJsonAsync<SessionToken>(ApiClient.Json))!.Token;
            HttpResponseMessage next;
            while ((next = await client.GetAsync($"/api/sessions/{token}/next")).StatusCode == HttpStatusCode.OK)
            {
                var trial = (await next.Content.ReadFromJsonAsync<TrialResponse>(ApiClient.Json))!;
                // Nine in ten prefer ours, one in ten sees no difference.
                var choice = judged++ % 10 == 9 ? Choice.Same : ours.Contains(trial.Videos[0].Url) ? Choice.Left : Choice.Right;
                (await client.AnswerAsync(token, trial.TrialId, choice)).StatusCode.Should().Be(HttpStatusCode.Created);
            }
            if (next.StatusCode == HttpStatusCode.Conflict) break;
        }
        await Eventually.ReturnsAsync(() => StatusAsync(researcher, studyId), s => s == StudyStatus.Closed,
            "the study closes itself once its goal is met", TimeSpan.FromSeconds(30));

        var details = (await researcher.GetFromJsonAsync<StudyDetails>($"/api/studies/{studyId}", ApiClient.Json))!;
        var goal = (await researcher.GetFromJsonAsync<GoalView>($"/api/studies/{studyId}/goal", ApiClient.Json))!;
        details.Status.Should().Be(StudyStatus.Closed);
        details.StoppedBy!.Rule.Should().Be("decide for every condition whether it beats the baseline, wrong with chance at most 0.05");
        details.StoppedBy.Outcome.Should().Be("goal met for every unit");
        details.StoppedBy.Judgments.Should().BeInRange(10, 120, "it stops once decided, before every trial has its k = 50");
        goal.Units.Should().ContainSingle().Which.State.Should().Be(UnitState.Decided);
        goal.Units[0].Low.Should().BeGreaterThan(0.5, "more than half of those who saw a difference prefer ours");

        (await late.AnswerAsync(lateToken, lateTrial.TrialId, Choice.Same)).StatusCode.Should().Be(HttpStatusCode.Created);
        (await late.GetAsync($"/api/sessions/{lateToken}/next")).StatusCode.Should().Be(HttpStatusCode.NoContent, "work done before it closed is paid: the session completes");

        var newcomer = await Factory.CreateClient().PostAsJsonAsync($"/api/studies/{studyId}/sessions", new StartSession("too-late", "prolific"), ApiClient.Json);
        newcomer.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var refusal = JsonDocument.Parse(await newcomer.Content.ReadAsStringAsync()).RootElement;
        refusal.GetProperty("detail").GetString().Should().Contain("This study is full").And.Contain("FULL-7F3A");
        refusal.GetProperty("fullStudyCode").GetString().Should().Be("FULL-7F3A", "a client of the API reads the code without parsing the message");

        var results = JsonDocument.Parse(await researcher.GetStringAsync($"/api/studies/{studyId}/results")).RootElement;
        var stoppedBy = results.GetProperty("stopping").GetProperty("stoppedBy");
        stoppedBy.GetProperty("rule").GetString().Should().Be(details.StoppedBy.Rule);
        stoppedBy.GetProperty("at").GetDateTimeOffset().Should().Be(details.StoppedBy.At);
        var csv = await researcher.GetStringAsync($"/api/studies/{studyId}/results.csv");
        csv.Should().MatchRegex(@"stopping,,,,goal_met,,\d+,,,,,,,,,""decide for every condition whether it beats the baseline, wrong with chance at most 0\.05; goal met for every unit; stopped at 20\d\d-");
        csv.Should().Contain("stopping,ours-simdrop,base-model,,decided,");
        (await researcher.GetStringAsync($"/api/studies/{studyId}/results.tex"))
            .Should().MatchRegex(@"% Adaptive study, stopped by its goal \(decide for every condition whether it beats the baseline, wrong with chance at most 0\.05\) at 20\d\d-\d\d-\d\d \d\d:\d\d:\d\d UTC after \d+ judgments: goal met for every unit\.");
    }

    [Fact]
    public async Task The_planner_answers_from_the_design_and_stated_assumptions_and_refuses_bad_ones_and_fixed_k_studies()
    {
        var researcher = await fixture.ResearcherAsync();
        var adaptive = await researcher.CreateStudyAsync(new StudyBuilder { JudgmentsPerTrial = 50, TrialsPerParticipant = 10 }.Build() with
        {
            Goal = new StudyGoal(GoalKind.BeatsBaseline, BudgetPerUnit: 300),
        });
        var fixedK = await researcher.CreateStudyAsync(new StudyBuilder().Build());

        var strong = await researcher.PostAsJsonAsync($"/api/studies/{adaptive}/plan", new PlanRequest(Effect: 0.6, Prompts: 10, Simulations: 50), ApiClient.Json);
        var weak = await researcher.PostAsJsonAsync($"/api/studies/{adaptive}/plan", new PlanRequest(Effect: 0.3, Prompts: 10, Simulations: 50), ApiClient.Json);
        var bad = await researcher.PostAsJsonAsync($"/api/studies/{adaptive}/plan", new PlanRequest(TieRate: 3), ApiClient.Json);
        var none = await researcher.GetAsync($"/api/studies/{fixedK}/plan");

        var strongPlan = (await strong.Content.ReadFromJsonAsync<PlanView>(ApiClient.Json))!;
        var weakPlan = (await weak.Content.ReadFromJsonAsync<PlanView>(ApiClient.Json))!;
        strongPlan.Estimate.Judgments.Should().BeLessThan(weakPlan.Estimate.Judgments);
        strongPlan.Estimate.Participants.Should().Be((long)Math.Ceiling(strongPlan.Estimate.Judgments / 10.0));
        strongPlan.Estimate.Assumptions.Prompts.Should().Be(10);
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).Should().Contain("tieRate");
        none.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var before = (await researcher.GetFromJsonAsync<GoalView>($"/api/studies/{adaptive}/goal", ApiClient.Json))!;
        before.Units.Should().ContainSingle().Which.Should().Match<UnitOutcome>(u => u.N == 0 && u.Estimate == null && u.State == UnitState.Open,
            "before any answer the estimate is null (no NaN in JSON)");
        (await researcher.GetAsync($"/api/studies/{fixedK}/goal")).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_goal_met_while_the_study_is_paused_closes_it_and_answers_arriving_after_leave_its_decision_standing()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await OpenBeatsBaselineAsync(researcher, k: 50, trialsPerParticipant: 3, prompts: 3);
        var ours = await MediaOfAsync(studyId, "ours-simdrop");
        var holders = new List<(HttpClient Client, string Token, TrialResponse Trial)>();
        for (var p = 0; p < 40; p++)
        {
            var client = Factory.CreateClient();
            var token = await client.StartSessionAsync(studyId, $"holder-{p}");
            holders.Add((client, token, await client.NextTrialAsync(token)));
        }
        (await researcher.PostAsync($"/api/studies/{studyId}/pause", null)).EnsureSuccessStatusCode();

        // Thirty-five prefer ours while the study is paused; the goal is checked after answers (at most once a second),
        // so the study closes once it has seen them.
        async Task AnswerAsync(IEnumerable<(HttpClient Client, string Token, TrialResponse Trial)> some, bool preferOurs)
        {
            foreach (var (client, token, trial) in some)
            {
                var choice = ours.Contains(trial.Videos[0].Url) == preferOurs ? Choice.Left : Choice.Right;
                (await client.AnswerAsync(token, trial.TrialId, choice)).StatusCode.Should().Be(HttpStatusCode.Created);
            }
        }
        await AnswerAsync(holders.Take(35), preferOurs: true);
        var details = await Eventually.ReturnsAsync(
            async () => (await researcher.GetFromJsonAsync<StudyDetails>($"/api/studies/{studyId}", ApiClient.Json))!,
            d => d.Status == StudyStatus.Closed, "the study closes itself", TimeSpan.FromSeconds(60),
            d => $"{d.Status}; goal: {researcher.GetStringAsync($"/api/studies/{studyId}/goal").GetAwaiter().GetResult()}");
        // The other five held their trials through the close and prefer the baseline: their answers count, the decision stands.
        await AnswerAsync(holders.Skip(35), preferOurs: false);
        var goal = (await researcher.GetFromJsonAsync<GoalView>($"/api/studies/{studyId}/goal", ApiClient.Json))!;
        details.StoppedBy!.Outcome.Should().Be("goal met for every unit");
        details.StoppedBy.Judgments.Should().BeLessThanOrEqualTo(35);
        (goal.Met, goal.Judgments).Should().Be((true, 40L));
        goal.Units.Single().Should().Match<UnitOutcome>(u => u.State == UnitState.Decided && u.Low == details.StoppedBy.Units.Single().Low);
    }

    [Fact]
    public async Task Numbers_too_large_for_a_double_and_a_goal_without_its_kind_are_refused_with_a_problem_not_a_server_error()
    {
        var researcher = await fixture.ResearcherAsync();
        var json = JsonSerializer.Serialize(new StudyBuilder().Build() with { Goal = new StudyGoal(GoalKind.BeatsBaseline) }, ApiClient.Json)
            .Replace("\"halfWidth\":0.1", "\"halfWidth\":1e400", StringComparison.Ordinal);
        var adaptive = await researcher.CreateStudyAsync(new StudyBuilder().Build() with { Goal = new StudyGoal(GoalKind.BeatsBaseline) });

        var created = await researcher.PostAsync("/api/studies", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var plan = await researcher.PostAsync($"/api/studies/{adaptive}/plan",
            new StringContent("{\"perCondition\": {\"OURS-SIMDROP\": 1e400}}", System.Text.Encoding.UTF8, "application/json"));
        var unknown = await researcher.PostAsJsonAsync($"/api/studies/{adaptive}/plan", new PlanRequest(PerCondition: new() { ["nobody"] = 0.1 }), ApiClient.Json);
        var twice = await researcher.PostAsJsonAsync($"/api/studies/{adaptive}/plan", new PlanRequest(PerCondition: new() { ["OURS-SIMDROP"] = 0.1, ["ours-simdrop"] = 0.2 }), ApiClient.Json);

        var kindless = await researcher.PostAsync("/api/studies", new StringContent(
            JsonSerializer.Serialize(new StudyBuilder().Build() with { Goal = new StudyGoal(GoalKind.BeatsBaseline) }, ApiClient.Json).Replace("\"kind\":\"beats-baseline\",", "", StringComparison.Ordinal),
            System.Text.Encoding.UTF8, "application/json"));

        json.Should().Contain("1e400");
        kindless.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a goal without its kind is not quietly the first kind");
        (await kindless.Content.ReadAsStringAsync()).Should().Contain("The object at $.goal lacks a field it needs: 'kind'");
        created.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await created.Content.ReadAsStringAsync()).Should().Contain("goal.halfWidth");
        plan.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        unknown.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadAsStringAsync()).Should().Contain("perCondition.nobody");
        twice.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await twice.Content.ReadAsStringAsync()).Should().Contain("perCondition.ours-simdrop").And.Contain("2 times");
    }

    [Fact]
    public async Task A_study_whose_trials_are_all_at_k_before_its_goal_is_met_says_it_is_stalled_and_projects_no_more_than_they_can_take()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await OpenBeatsBaselineAsync(researcher, k: 4, trialsPerParticipant: 2, prompts: 2);
        async Task<GoalView> GoalAsync() => (await researcher.GetFromJsonAsync<GoalView>($"/api/studies/{studyId}/goal", ApiClient.Json))!;

        var views = new List<GoalView>();
        for (var p = 0; p < 4; p++)
        {
            var client = Factory.CreateClient();
            var token = await client.StartSessionAsync(studyId, $"evenly-split-{p}");
            for (var t = 0; t < 2; t++)
                (await client.AnswerAsync(token, (await client.NextTrialAsync(token)).TrialId, (p + t) % 2 == 0 ? Choice.Left : Choice.Right)).EnsureSuccessStatusCode();
            views.Add(await GoalAsync());
        }
        var newcomer = Factory.CreateClient();
        var first = await newcomer.GetAsync($"/api/sessions/{await newcomer.StartSessionAsync(studyId, "one-too-many")}/next");

        views.Select(v => (v.Stalled, v.ProjectedRemaining)).Should().Equal(new List<(bool, long)> { (false, 6), (false, 4), (false, 2), (true, 0) },
            "two trials × k = 4 is all the pair can take: far short of its budget, and of a decision on an even split");
        views[^1].Met.Should().BeFalse();
        (await StatusAsync(researcher, studyId)).Should().Be(StudyStatus.Open, "a stalled study waits for its researchers");
        first.StatusCode.Should().Be(HttpStatusCode.Conflict, "a newcomer is given no trial");
        (await first.Content.ReadAsStringAsync()).Should().Contain("This study is full");

        (await researcher.PostAsync($"/api/studies/{studyId}/close", null)).EnsureSuccessStatusCode();
        var closed = await GoalAsync();
        (closed.Stalled, closed.ProjectedRemaining, closed.Met).Should().Be((false, 0, false), "a closed study takes nothing more, and its goal was not met");
    }

    /// <summary>An open study of ours against the baseline in one task, whose goal is to decide it within a budget of 200 judgments.</summary>
    private static Task<Guid> OpenBeatsBaselineAsync(HttpClient researcher, int k, int trialsPerParticipant, int prompts, string? fullStudyCode = null) =>
        OpenWithDistinctVideosAsync(researcher, new StudyBuilder { JudgmentsPerTrial = k, TrialsPerParticipant = trialsPerParticipant, Tasks = ["dance"] }.Build() with
        {
            Goal = new StudyGoal(GoalKind.BeatsBaseline, BudgetPerUnit: 200),
            FullStudyCode = fullStudyCode,
        }, prompts);

    private static async Task<Guid> OpenWithDistinctVideosAsync(HttpClient researcher, StudySettings settings, int prompts)
    {
        var id = await researcher.CreateStudyAsync(settings);
        for (var c = 0; c < settings.Conditions.Count; c++)
        {
            var clip = await TestVideos.ClipAsync(hue: 60 * c + 20);
            for (var p = 0; p < prompts; p++)
                (await researcher.UploadAsync(id, clip, settings.Conditions[c].Key, $"a dancer leaps, take {p}", "dance")).EnsureSuccessStatusCode();
        }
        (await researcher.WaitForVideosAsync(id)).Should().OnlyContain(v => v.Status == VideoState.Ready);
        (await researcher.PostAsync($"/api/studies/{id}/open", null)).EnsureSuccessStatusCode();
        return id;
    }

    private async Task<HashSet<string>> MediaOfAsync(Guid studyId, string condition)
    {
        await using var session = Factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var videos = await session.Query<CandidateVideo>().Where(v => v.StudyId == studyId && v.Condition == condition).ToListAsync();
        return [.. videos.Select(v => $"/media/{v.MediaId}")];
    }

    private static async Task<StudyStatus> StatusAsync(HttpClient researcher, Guid studyId) =>
        (await researcher.GetFromJsonAsync<StudyDetails>($"/api/studies/{studyId}", ApiClient.Json))!.Status;
}
