using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Platform.BrowserTests.Pages;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class ImportingJudgmentsTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task A_researcher_imports_a_csv_a_bad_file_adds_nothing_and_a_good_one_is_previewed_then_added()
    {
        var api = await Fixture.ResearcherAsync();
        var studyId = await api.CreateStudyAsync(new StudyBuilder { Title = "Import in the browser" }.Build());
        var page = await Fixture.NewPageAsync();
        await new SignInPage(page).SignInAsync(PlatformFactory.AdminEmail, PlatformFactory.AdminPassword);
        var results = new ResultsPage(page);
        await results.OpenAsync(studyId);
        // A draft without videos has no trials yet: nothing to estimate, and the tooltip says why.
        await Assertions.Expect(await results.TimeLeftTooltipAsync()).ToContainTextAsync("No time left to estimate: the study has no trials yet");
        await results.OpenImportAsync();

        await results.ChooseImportFileAsync("bad.csv", JudgmentCsv.Header + "\n" +
            "w1,a dancer spins,dance,ours-simdrop,base-model,left\n" +
            "w2,a dancer spins,dance,ours-simdrop,nobody,left\n" +
            "w3,a dancer spins,dance,ours-simdrop,base-model,maybe\n");

        await Assertions.Expect(results.ImportProblems).ToContainTextAsync("Nothing was added: the file has lines that are not valid (3-4).");
        await Assertions.Expect(results.ImportProblemLines).ToHaveCountAsync(2);
        await Assertions.Expect(results.ImportProblemLines.Nth(0)).ToContainTextAsync("line 3: right condition 'nobody' is not one of the study's");
        await Assertions.Expect(results.ImportProblemLines.Nth(1)).ToContainTextAsync("line 4: choice 'maybe' is not one of left, same, right");
        await Assertions.Expect(results.ImportPreview).ToHaveCountAsync(0);
        (await JudgmentsAsync(api, studyId)).Should().Be(0, "a bad file adds nothing");

        await results.ChooseImportFileAsync("prolific-batch-1.csv", JudgmentCsv.Table9());

        await Assertions.Expect(results.ImportPreview).ToContainTextAsync("prolific-batch-1.csv would add 38 judgments from 5 participants.");
        await Assertions.Expect(results.ImportProblems).ToHaveCountAsync(0);
        await Assertions.Expect(results.ImportPreviewRows).ToHaveCountAsync(1);
        await Assertions.Expect(results.ImportPreviewRows.First).ToHaveTextAsync("Ours SimDrop 0.2 (secret label)Base model (secret label)38");
        await Assertions.Expect(results.Count("imported")).ToHaveTextAsync("0");
        (await JudgmentsAsync(api, studyId)).Should().Be(0, "nothing is added before the researcher confirms");

        await results.ConfirmImportAsync();

        await Assertions.Expect(results.ImportDone).ToContainTextAsync("Added 38 judgments from prolific-batch-1.csv");
        await Assertions.Expect(results.Count("imported")).ToHaveTextAsync("38");
        await Assertions.Expect(results.PairwiseRows.First).ToContainTextAsync("38");
        (await JudgmentsAsync(api, studyId)).Should().Be(38);
        var csv = await api.GetStringAsync($"/api/studies/{studyId}/judgments.csv");
        csv.Split('\n').Count(l => l.Contains(",True,False,", StringComparison.Ordinal)).Should().Be(38, "every row is marked imported");

        // The same judgments again, under another name: refused in the preview, with nothing to add.
        await results.ChooseImportFileAsync("prolific-batch-1 (1).csv", JudgmentCsv.Table9());

        await Assertions.Expect(results.ImportProblems).ToContainTextAsync("Nothing was imported: these judgments were already imported from prolific-batch-1.csv on ");
        await Assertions.Expect(results.ImportPreview).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=import-confirm]")).ToHaveCountAsync(0);
        (await JudgmentsAsync(api, studyId)).Should().Be(38);
    }

    private static async Task<int> JudgmentsAsync(HttpClient api, Guid studyId) =>
        (await api.GetFromJsonAsync<JsonElement>($"/api/studies/{studyId}/results")).GetProperty("judgments").GetInt32();
}
