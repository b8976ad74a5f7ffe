using System.Globalization;
using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Studies;
using Platform.Testing;
using Platform.Tests.Components;
using Platform.Voting;
using Platform.Web.Results;
using Platform.Web.Studies;

namespace Platform.Tests.Results;

/// <summary>The dashboard's filters, operated as a researcher does, over the host's own services and database.</summary>
[Collection(ResultsHost.Name)]
public sealed class ResultsPageTests : BunitTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly PlatformFixture _fixture;

    public ResultsPageTests(PlatformFixture fixture)
    {
        _fixture = fixture;
        Context.Services.AddSingleton(fixture.Factory.Services.GetRequiredService<ResultsReader>());
        Context.Services.AddSingleton(fixture.Factory.Services.GetRequiredService<StudyCatalog>());
        Context.Services.AddSingleton(fixture.Factory.Services.GetRequiredService<MetricTables>());
        Context.Services.AddSingleton(fixture.Factory.Services.GetRequiredService<Platform.Web.Studies.StudyGoalViews>());
        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>Ours against the baseline: preferred 6, same 3, worse 1 in dance; preferred 1, same 2, worse 5 in gym.</summary>
    private static string TwoTasks()
    {
        var csv = new StringBuilder(JudgmentCsv.Header + "\n");
        var answers = new[] { ("dance", "left", 6), ("dance", "same", 3), ("dance", "right", 1), ("gym", "left", 1), ("gym", "same", 2), ("gym", "right", 5) };
        var line = 0;
        foreach (var (task, choice, times) in answers)
        {
            for (var i = 0; i < times; i++, line++) csv.Append(CultureInfo.InvariantCulture, $"worker-{line % 4},{task} prompt {line},{task},ours-simdrop,base-model,{choice}\n");
        }
        return csv.ToString();
    }

    [Fact]
    public async Task Picking_a_task_shows_that_tasks_counts_only_and_all_tasks_brings_both_back()
    {
        var researcher = await _fixture.ResearcherAsync();
        var studyId = await researcher.CreateStudyAsync(new StudyBuilder { Tasks = ["dance", "gym"] }.Build());
        (await researcher.ImportJudgmentsAsync(studyId, TwoTasks())).EnsureSuccessStatusCode();

        var page = Open(studyId);

        page.WaitForAssertion(() => Rows(page).Should().Equal(
            Row("all", 18, "38.9 %", "27.8 %", "33.3 %", "5.6 %"),
            Row("dance", 10, "60.0 %", "30.0 %", "10.0 %", "50.0 %"),
            Row("gym", 8, "12.5 %", "25.0 %", "62.5 %", "-50.0 %")), Patience);
        page.Find("[data-testid=event-version]").TextContent.Trim().Should().MatchRegex(
            "^Computed from every answer so far \\(version [1-9][0-9]*, the same number the exports carry\\)$", "a draft does not update live");

        await PickTaskAsync(page, "gym");

        page.WaitForAssertion(() => Rows(page).Should().Equal(Row("gym", 8, "12.5 %", "25.0 %", "62.5 %", "-50.0 %")), Patience);
        page.Find("[data-testid=heat-map] tbody tr").TextContent.Should().Contain("75.0 %", "the base model wins 5 of 8 and half of the 2 ties in gym");

        await PickTaskAsync(page, "dance");

        page.WaitForAssertion(() => Rows(page).Should().Equal(Row("dance", 10, "60.0 %", "30.0 %", "10.0 %", "50.0 %")), Patience);

        await PickTaskAsync(page, "All tasks");

        page.WaitForAssertion(() => TaskNSame(page).Should().Equal("all 18 27.8 %", "dance 10 30.0 %", "gym 8 25.0 %"), Patience);
        Export(page).Should().EndWith("results.csv?exclusions=true");
    }

    [Fact]
    public async Task In_a_rating_study_picking_a_task_shows_that_tasks_success_rates_only()
    {
        var researcher = await _fixture.ResearcherAsync();
        var studyId = await researcher.CreateStudyAsync((StudyBuilder.Rating() with { Tasks = ["dance", "gym"] }).Build());
        var csv = new StringBuilder(JudgmentCsv.Header + "\n");
        for (var i = 0; i < 9; i++)
            csv.Append(CultureInfo.InvariantCulture, $"worker-{i},prompt {i},{(i < 5 ? "dance" : "gym")},ours-simdrop,,{(i is < 4 or 8 ? "success" : "failure")}\n");
        (await researcher.ImportJudgmentsAsync(studyId, csv.ToString())).EnsureSuccessStatusCode();

        var page = Open(studyId);

        page.WaitForAssertion(() => SuccessRows(page).Should().Equal("all 9 5 55.6 %", "dance 5 4 80.0 %", "gym 4 1 25.0 %"), Patience);

        await PickTaskAsync(page, "gym");

        page.WaitForAssertion(() => SuccessRows(page).Should().Equal("gym 4 1 25.0 %"), Patience);

        await PickTaskAsync(page, "All tasks");

        page.WaitForAssertion(() => SuccessRows(page).Should().Equal("all 9 5 55.6 %", "dance 5 4 80.0 %", "gym 4 1 25.0 %"), Patience);
    }

    [Fact]
    public async Task Turning_exclusions_off_counts_the_participant_who_answered_too_fast_and_on_again_leaves_them_out()
    {
        var researcher = await _fixture.ResearcherAsync();
        var settings = new StudyBuilder { Tasks = ["dance", "gym"], TrialsPerParticipant = 1 }.Build() with { Exclusions = new ExclusionRules(MinMedianDecisionMs: 1000) };
        var studyId = await researcher.OpenStudyWithVideosAsync(settings, prompts: 1);
        (await researcher.ImportJudgmentsAsync(studyId, TwoTasks())).EnsureSuccessStatusCode();
        await AnswerAsync(studyId, "hasty", Choice.Same); // answers at once; a dance trial: the study's videos are all in dance

        var page = Open(studyId);

        page.WaitForAssertion(() => TaskNSame(page).Should().Equal("all 18 27.8 %", "dance 10 30.0 %", "gym 8 25.0 %"), Patience);
        ExclusionsLabel(page).Should().Be("After exclusions (1 flagged)");
        page.Find("[data-testid=participants-table] tbody").TextContent.Should().Contain("hasty").And.Contain("under 1000 ms");

        await SwitchExclusionsAsync(page, on: false);

        // The hasty tie counts again: 6 of 19 ties overall, 4 of 11 in dance; gym is as it was.
        page.WaitForAssertion(() => TaskNSame(page).Should().Equal("all 19 31.6 %", "dance 11 36.4 %", "gym 8 25.0 %"), Patience);
        Export(page).Should().EndWith("results.csv?exclusions=false");

        await PickTaskAsync(page, "dance");

        page.WaitForAssertion(() => Rows(page).Should().Equal(Row("dance", 11, "54.5 %", "36.4 %", "9.1 %", "45.5 %")), Patience);
        Export(page).Should().EndWith("results.csv?exclusions=false&task=dance");

        await SwitchExclusionsAsync(page, on: true);

        page.WaitForAssertion(() => Rows(page).Should().Equal(Row("dance", 10, "60.0 %", "30.0 %", "10.0 %", "50.0 %")), Patience);

        await PickTaskAsync(page, "All tasks");

        page.WaitForAssertion(() => TaskNSame(page).Should().Equal("all 18 27.8 %", "dance 10 30.0 %", "gym 8 25.0 %"), Patience);
    }

    private IRenderedComponent<IComponent> Open(Guid studyId) => Context.Render(builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<ResultsPage>(1);
        builder.AddAttribute(2, nameof(ResultsPage.Id), studyId);
        builder.CloseComponent();
    });

    /// <summary>Ours against the baseline in one task: n, then the Good / Same / Bad shares and G−B.</summary>
    private static string Row(string task, int n, string good, string same, string bad, string goodMinusBad) =>
        string.Join(" | ", "Ours SimDrop 0.2 (secret label)", "Base model (secret label)", task, n.ToString(CultureInfo.InvariantCulture), good, same, bad, goodMinusBad);

    /// <summary>The pairwise table's rows, cells joined, each share without its interval.</summary>
    private static List<string> Rows(IRenderedComponent<IComponent> page) =>
        [.. page.FindAll("[data-testid=pairwise] tbody tr").Select(tr => string.Join(" | ", tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim().Split(" [")[0])))];

    /// <summary>Task, n and the Same share of each row.</summary>
    private static List<string> TaskNSame(IRenderedComponent<IComponent> page) =>
        [.. Rows(page).Select(r => r.Split(" | ")).Select(c => $"{c[2]} {c[3]} {c[5]}")];

    /// <summary>Task, n, successes and rate (without its interval) of each row of the success table.</summary>
    private static List<string> SuccessRows(IRenderedComponent<IComponent> page) =>
        [.. page.FindAll("[data-testid=success] tbody tr").Select(tr => string.Join(" ", tr.QuerySelectorAll("td").Skip(1).Select(td => td.TextContent.Trim().Split(" [")[0])))];

    private static string Export(IRenderedComponent<IComponent> page) => page.Find("[data-testid=download-results-csv]").GetAttribute("href")!;

    private static string ExclusionsLabel(IRenderedComponent<IComponent> page) =>
        page.Find("[data-testid=exclusions]").Closest("label")!.TextContent.Trim();

    /// <summary>Opens the task select (MudBlazor opens it on mouse down) and clicks the item with this label.</summary>
    private static async Task PickTaskAsync(IRenderedComponent<IComponent> page, string label)
    {
        await page.Find("[data-testid=task-filter]").Closest(".mud-input-control")!.MouseDownAsync(new());
        var item = page.WaitForElements(".mud-popover-open .mud-list-item", Patience).Single(i => i.TextContent.Trim() == label);
        await item.ClickAsync(new());
    }

    private static Task SwitchExclusionsAsync(IRenderedComponent<IComponent> page, bool on) =>
        page.Find("[data-testid=exclusions]").ChangeAsync(new ChangeEventArgs { Value = on });

    /// <param name="thinkFor">How long the participant looks before answering: the server measures decision time itself.</param>
    private async Task AnswerAsync(Guid studyId, string participantId, Choice choice, TimeSpan thinkFor = default)
    {
        var participant = _fixture.Factory.CreateClient();
        var token = await participant.StartSessionAsync(studyId, participantId);
        var trial = await participant.NextTrialAsync(token);
        await Task.Delay(thinkFor);
        (await participant.AnswerAsync(token, trial.TrialId, choice)).EnsureSuccessStatusCode();
    }
}
