using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Platform.BrowserTests.Pages;
using Platform.Studies;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class ReadingResultsTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private static readonly StudySettings ThreeConditions = new StudyBuilder
    {
        Title = "Live results, UI test",
        Tasks = ["dance"],
        Conditions = [.. new StudyBuilder().Conditions, new Condition("older-model-2024-q3", "Older-model-2024-Q3 (secret label)", false, new Dictionary<string, string>())],
    }.Build();

    [Fact]
    public async Task A_researcher_watches_a_judgment_arrive_on_the_dashboard_and_downloads_the_csv()
    {
        var api = await Fixture.ResearcherAsync();
        var studyId = await OpenWithVideosOfTheFirstTwoAsync(api, ThreeConditions);
        // 38 + 24 judgments collected elsewhere, so the tables have something to show before the live one arrives; the
        // older model is about as good as the base model, so the ranking cannot order them.
        (await api.ImportJudgmentsAsync(studyId, JudgmentCsv.Table9())).EnsureSuccessStatusCode();
        (await api.ImportJudgmentsAsync(studyId, OlderAgainstBase())).EnsureSuccessStatusCode();
        var page = await Fixture.NewPageAsync();
        await new SignInPage(page).SignInAsync(PlatformFactory.AdminEmail, PlatformFactory.AdminPassword);
        var results = new ResultsPage(page);
        await results.OpenAsync(studyId);
        await Assertions.Expect(results.Count("judgments")).ToHaveTextAsync("0");
        await Assertions.Expect(results.Count("imported")).ToHaveTextAsync("62");
        await Assertions.Expect(results.PairwiseRows.First).ToContainTextAsync("38");

        var participant = new TakeStudyPage(await Fixture.NewPageAsync());
        await participant.OpenFromProlificAsync(studyId, "dashboard-watcher");
        await participant.ConsentAndStartAsync();
        await participant.AnswerWithKeyAsync("ArrowDown");

        // No reload: the dashboard picks the judgment up by itself.
        await Assertions.Expect(results.Count("judgments")).ToHaveTextAsync("1", new() { Timeout = 10_000 });
        await Assertions.Expect(results.Count("participants")).ToHaveTextAsync("6");
        await Assertions.Expect(results.PairwiseRows.First).ToContainTextAsync("Ours SimDrop 0.2 (secret label)");
        await Assertions.Expect(results.PairwiseRows.First).ToContainTextAsync("39", new() { Timeout = 10_000 });
        // The base and older models' intervals overlap: each is shown with the places it could take, and the legend says how to read them.
        await Assertions.Expect(results.Ranks).ToHaveCountAsync(3);
        (await results.Ranks.AllTextContentsAsync()).Should().Contain(rank => rank.Contains('–'), "overlapping intervals give a range of places");
        await Assertions.Expect(results.RankLegend).ToContainTextAsync("the places the 95 % intervals allow");
        await Screenshots.TakeAsync(page, "results-dashboard", fullPage: true);
        // At 1366 × 768 nothing scrolls sideways, not even the pairwise table, and labels with hyphens stay on one line.
        var (pageWidth, window) = await results.WidthsAsync();
        pageWidth.Should().BeLessThanOrEqualTo(window, "the results page does not scroll sideways at 1366 px");
        var (tableWidth, room) = await results.PairwiseTableWidthsAsync();
        tableWidth.Should().BeLessThanOrEqualTo(room, "the pairwise table's G−B column shows without scrolling the table");
        var words = await results.PairwiseConditionWordLinesAsync();
        words.Should().ContainKey("Older-model-2024-Q3").And.ContainKey("SimDrop");
        words.Should().OnlyContain(word => word.Value == 1, "condition labels wrap between words only, never at a hyphen");

        var csv = await results.DownloadAsync("download-results-csv");
        csv.Should().StartWith("event_version,exclusions,table,condition,versus,task,measure,n,count,value,low,high,rank,best_rank,worst_rank,p_value")
            .And.Contain(",True,pairwise,ours-simdrop,base-model,,same,39,28,");
        var judgments = await results.DownloadAsync("download-judgments-csv");
        judgments.Should().Contain("dashboard-watcher,\"a dancer spins, take 0\",dance,");
    }

    /// <summary>
    /// Opens the study with one video of each of the first two conditions only, so the live participant's trial is
    /// always ours against the base model; the third condition's judgments all come from an import.
    /// </summary>
    private static async Task<Guid> OpenWithVideosOfTheFirstTwoAsync(HttpClient api, StudySettings settings)
    {
        var id = await api.CreateStudyAsync(settings);
        var hue = 0;
        foreach (var condition in settings.Conditions.Take(2))
            (await api.UploadAsync(id, await TestVideos.ClipAsync(hue += 37), condition.Key, "a dancer spins, take 0", "dance")).EnsureSuccessStatusCode();
        var videos = await api.WaitForVideosAsync(id);
        videos.Should().OnlyContain(v => v.Status == VideoState.Ready);
        (await api.PostAsync($"/api/studies/{id}/open", null)).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>The older model against the base model: 8 preferred, 8 the same, 8 worse, sides alternating, five workers.</summary>
    private static string OlderAgainstBase()
    {
        var csv = new StringBuilder(JudgmentCsv.Header + "\n");
        for (var i = 0; i < 24; i++)
        {
            var olderLeft = i % 2 == 0;
            var choice = (i / 8) switch { 0 => olderLeft ? "left" : "right", 1 => "same", _ => olderLeft ? "right" : "left" };
            var (left, right) = olderLeft ? ("older-model-2024-q3", "base-model") : ("base-model", "older-model-2024-q3");
            csv.Append(CultureInfo.InvariantCulture, $"worker-{i % 5},\"a dancer spins, take {i / 3}\",dance,{left},{right},{choice}\n");
        }
        return csv.ToString();
    }
}
