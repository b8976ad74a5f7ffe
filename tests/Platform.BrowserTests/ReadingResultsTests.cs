using Microsoft.Playwright;
using Platform.BrowserTests.Pages;
using Platform.Testing;

namespace Platform.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class ReadingResultsTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_researcher_watches_a_judgment_arrive_on_the_dashboard_and_downloads_the_csv()
    {
        var api = await fixture.ResearcherAsync();
        var studyId = await api.OpenStudyWithVideosAsync(new StudyBuilder { Title = "Live results, UI test", Tasks = ["dance"] }.Build(), prompts: 1);
        // 38 judgments collected elsewhere, so the tables have something to show before the live one arrives.
        (await api.PostAsync($"/api/studies/{studyId}/judgments/import", new StringContent(JudgmentCsv.Table9(), System.Text.Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsync(PlatformFactory.AdminEmail, PlatformFactory.AdminPassword);
        var results = new ResultsPage(page);
        await results.OpenAsync(studyId);
        await Assertions.Expect(results.Count("judgments")).ToHaveTextAsync("0");
        await Assertions.Expect(results.Count("imported")).ToHaveTextAsync("38");
        await Assertions.Expect(results.PairwiseRows.First).ToContainTextAsync("38");

        var participant = new TakeStudyPage(await fixture.NewPageAsync());
        await participant.OpenFromProlificAsync(studyId, "dashboard-watcher");
        await participant.ConsentAndStartAsync();
        await participant.AnswerWithKeyAsync("ArrowDown");

        // No reload: the dashboard picks the judgment up by itself.
        await Assertions.Expect(results.Count("judgments")).ToHaveTextAsync("1", new() { Timeout = 10_000 });
        await Assertions.Expect(results.Count("participants")).ToHaveTextAsync("6");
        await Assertions.Expect(results.PairwiseRows.First).ToContainTextAsync("Ours SimDrop 0.2 (secret label)");
        await Assertions.Expect(results.PairwiseRows.First).ToContainTextAsync("39", new() { Timeout = 10_000 });
        await Screenshots.TakeAsync(page, "results-dashboard", fullPage: true);

        var csv = await results.DownloadAsync("download-results-csv");
        csv.Should().StartWith("event_version,exclusions,table,condition,versus,task,measure,n,count,value,low,high,rank,p_value")
            .And.Contain(",True,pairwise,ours-simdrop,base-model,,same,39,28,");
        var judgments = await results.DownloadAsync("download-judgments-csv");
        judgments.Should().Contain("dashboard-watcher,\"a dancer spins, take 0\",dance,");
    }
}
