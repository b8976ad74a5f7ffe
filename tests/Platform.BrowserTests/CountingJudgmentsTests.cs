using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Platform.BrowserTests.Pages;
using Platform.Testing;
using Platform.Voting;
using Platform.Web.Voting;

namespace Platform.BrowserTests;

/// <summary>The study page and the results dashboard count judgments alike, with gold judgments named apart on both.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CountingJudgmentsTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_study_page_and_the_dashboard_show_the_same_count_with_gold_judgments_apart()
    {
        var api = await fixture.ResearcherAsync();
        var studyId = await api.OpenStudyWithVideosAsync(new StudyBuilder { Title = "Counting, UI test", TrialsPerParticipant = 2, GoldRate = 0.5 }.Build(), prompts: 1);
        // One regular trial and one gold trial, answered as a participant's browser would.
        using var participant = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        var token = await participant.StartSessionAsync(studyId, "counted-participant");
        HttpResponseMessage next;
        while ((next = await participant.GetAsync($"/api/sessions/{token}/next")).StatusCode == HttpStatusCode.OK)
        {
            var trial = (await next.Content.ReadFromJsonAsync<TrialResponse>(ApiClient.Json))!;
            (await participant.AnswerAsync(token, trial.TrialId, Choice.Left)).EnsureSuccessStatusCode();
        }
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsync(PlatformFactory.AdminEmail, PlatformFactory.AdminPassword);

        await page.GotoAsync($"/studies/{studyId}");
        var study = new StudyPages(page);
        await Assertions.Expect(study.Count("judgments")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("[data-testid=judgments]")).ToContainTextAsync("of 3 wanted (33.3 %)");
        await Assertions.Expect(page.Locator("[data-testid=judgments-gold]")).ToHaveTextAsync("+ 1 gold judgment (attention checks), counted separately");

        var results = new ResultsPage(page);
        await results.OpenAsync(studyId);
        await Assertions.Expect(results.Count("judgments")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("[data-testid=judgments]")).ToContainTextAsync("of 3 wanted (33.3 %)");
        await Assertions.Expect(page.Locator("[data-testid=judgments-gold]")).ToHaveTextAsync("+ 1 gold judgment (attention checks), counted separately");
        await Assertions.Expect(page.Locator("[data-testid=basis]")).ToContainTextAsync(
            "1 judgment from 1 participant, after exclusions (0 participants excluded), all tasks; + 1 gold judgment (attention checks), counted separately");
        await Assertions.Expect(page.Locator("[data-testid=agreement]")).ToContainTextAsync("not computed yet: it needs at least two judgments on the same trial");
    }
}
