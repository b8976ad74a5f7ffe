using Bunit;
using Platform.Studies;
using Platform.Testing;
using Platform.Tests.Components;
using Platform.Tests.Voting;
using Platform.Voting;
using Platform.Web.Studies;

namespace Platform.Tests.Studies;

[Collection(VotingHost.Name)]
public sealed class AdaptivePagesTests(PlatformFixture fixture) : BunitTest
{
    [Fact]
    public async Task A_participant_arriving_at_a_closed_study_gets_a_clean_page_with_the_code_its_researchers_chose()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.OpenStudyWithVideosAsync(new StudyBuilder().Build() with { FullStudyCode = "SCREENED-OUT-1" }, prompts: 1);
        (await researcher.PostAsync($"/api/studies/{studyId}/close", null)).EnsureSuccessStatusCode();

        var page = TakePages.Render(Context, fixture.Factory, studyId, "PROLIFIC_PID", "arrives-too-late");

        page.WaitForAssertion(() => page.Find("[data-testid=study-full]"), TimeSpan.FromSeconds(30));
        page.Find("[data-testid=full-code]").TextContent.Should().Be("SCREENED-OUT-1");
        page.Find("[data-testid=full-message]").TextContent.Should().StartWith("This study has closed and takes no more participants.");
        page.FindAll("[data-testid=start]").Should().BeEmpty();
    }

    [Fact]
    public async Task The_goal_panel_shows_each_unit_and_the_planner_estimate()
    {
        var researcher = await fixture.ResearcherAsync();
        var settings = new StudyBuilder { JudgmentsPerTrial = 20, TrialsPerParticipant = 2, Tasks = ["dance"] }.Build() with
        {
            Goal = new StudyGoal(GoalKind.BeatsBaseline, BudgetPerUnit: 100),
        };
        var studyId = await researcher.OpenStudyWithVideosAsync(settings, prompts: 2);
        var participant = fixture.Factory.CreateClient();
        var token = await participant.StartSessionAsync(studyId, "panel-participant");
        var trial = await participant.NextTrialAsync(token);
        (await participant.AnswerAsync(token, trial.TrialId, Choice.Left)).EnsureSuccessStatusCode();
        Context.Services.AddSingleton(fixture.Factory.Services.GetRequiredService<StudyGoalViews>());
        var study = await fixture.Factory.Services.GetRequiredService<StudyCatalog>().GetAsync(studyId);

        var panel = Context.Render<GoalPanel>(p => p.Add(x => x.Study, study));
        panel.WaitForAssertion(() => panel.FindAll("[data-testid=goal-unit]").Should().ContainSingle());
        panel.Find("[data-testid=goal-unit]").TextContent.Should().Contain("ours-simdrop vs base-model").And.Contain("open");
        panel.Find("[data-testid=goal-progress]").TextContent.Should().StartWith("0 of 1 units stopped · 1 judgments so far");
        await panel.Find("[data-testid=plan] button, button[data-testid=plan]").ClickAsync(new());

        panel.WaitForAssertion(() => panel.Find("[data-testid=plan-estimate]").TextContent.Should().MatchRegex(@"About \d+ judgments \(90 %: \d+\) from \d+ participants"),
            TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void The_study_form_keeps_a_goal_and_the_full_study_code_through_an_edit()
    {
        var settings = new StudyBuilder().Build() with
        {
            Goal = new StudyGoal(GoalKind.DifferencePrecision, HalfWidth: 0.08, Alpha: 0.01, BudgetPerUnit: 900, FloorPerTrial: 2),
            FullStudyCode = "NOPAY",
        };

        var again = StudyDraft.From(settings).ToSettings();

        (again.Goal, again.FullStudyCode).Should().Be((settings.Goal, "NOPAY"));
        StudyDraft.From(new StudyBuilder().Build()).ToSettings().Goal.Should().BeNull();
    }
}
