using System.Net.Http.Json;
using Microsoft.Playwright;
using Platform.BrowserTests.Pages;
using Platform.Testing;
using Platform.Web.Studies;
using Xunit.Abstractions;

namespace Platform.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class UploadingInBulkTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task Thirty_files_by_manifest_with_one_bad_line_store_nothing_until_the_line_is_fixed_then_all_thirty()
    {
        // Given a study with conditions base-model and ours-simdrop, and 30 small clips with a manifest whose line 17 names a condition it lacks
        var researcher = await Fixture.ResearcherAsync();
        var studyId = await researcher.CreateStudyAsync(new StudyBuilder { Title = "Bulk upload, UI test" }.Build());
        var folder = Directory.CreateTempSubdirectory("bulk-ui-").FullName;
        var clip = await TestVideos.ClipAsync(hue: 600);
        var files = Enumerable.Range(0, 30).Select(i => Path.Combine(folder, $"clip-{i:00}.mp4")).ToList();
        // The same bytes under 30 names: the platform converts them once (ProcessedUploads); the mapping is what is tested.
        foreach (var file in files) File.Copy(clip, file);
        var lines = files.Select((f, i) => $"{Path.GetFileName(f)},{(i % 2 == 0 ? "Base-Model" : "ours-simdrop")},\"A dancer spins, take {i / 2}\",dance,{i % 3}").ToList();
        var fixedManifest = Path.Combine(folder, "manifest.csv");
        await File.WriteAllLinesAsync(fixedManifest, ["file,condition,prompt,task,seed", .. lines]);
        var badManifest = Path.Combine(folder, "manifest-with-a-typo.csv");
        await File.WriteAllLinesAsync(badManifest, ["file,condition,prompt,task,seed", .. lines[..15], lines[15].Replace("ours-simdrop", "ours-simdorp", StringComparison.Ordinal), .. lines[16..]]);

        var page = await Fixture.NewPageAsync();
        await new SignInPage(page).SignInAsync("browser.researcher@platform.test", "researcher-password");
        await page.GotoAsync($"/studies/{studyId}");
        await new ShellPage(page).WaitUntilInteractiveAsync();
        var bulk = new BulkUploadSection(page);
        await bulk.OpenAsync();

        // When the researcher chooses the manifest with the typo and the 30 files
        await bulk.ChooseManifestAsync(badManifest);
        await bulk.ChooseFilesAsync(files);

        // Then the preview names line 17 and its problem, offers no upload, and nothing is stored
        await Assertions.Expect(bulk.Problems).ToHaveTextAsync(["manifest line 17 (clip-15.mp4): condition 'ours-simdorp' is not one of the study's (base-model, ours-simdrop)"]);
        await Assertions.Expect(bulk.UploadButton).ToBeDisabledAsync();
        await Assertions.Expect(bulk.RowStates).ToHaveCountAsync(30);
        await Screenshots.TakeAsync(page, "researcher-bulk-upload", fullPage: true);
        (await VideosAsync(researcher, studyId)).Should().BeEmpty();

        // When the fixed manifest is chosen and the upload confirmed
        await bulk.ChooseManifestAsync(fixedManifest);
        await Assertions.Expect(bulk.Ready).ToHaveTextAsync("30 videos are mapped and ready to upload.");
        await bulk.UploadButton.ClickAsync();

        // Then all 30 are stored, with the study's spelling of the condition, and the list follows each to Ready
        await Assertions.Expect(bulk.Summary).ToHaveTextAsync("30 stored, 0 already there, 0 refused.", new() { Timeout = 180_000 });
        var videos = await VideosAsync(researcher, studyId);
        videos.Should().HaveCount(30);
        videos.Select(v => v.Condition).Distinct().Should().BeEquivalentTo("base-model", "ours-simdrop");
        await Assertions.Expect(bulk.RowStates.Filter(new() { HasText = "Uploaded, ready" }).First).ToBeVisibleAsync(new() { Timeout = 60_000 });
    }

    [Fact]
    public async Task Four_hundred_files_chosen_at_once_are_all_mapped_in_the_preview()
    {
        // Given 400 files (as a researcher's folder of several models' outputs) and their manifest
        var researcher = await Fixture.ResearcherAsync();
        var studyId = await researcher.CreateStudyAsync(new StudyBuilder { Title = "Bulk upload, 400 files" }.Build());
        var folder = Directory.CreateTempSubdirectory("bulk-400-").FullName;
        var clip = await TestVideos.ClipAsync(hue: 640);
        var files = Enumerable.Range(0, 400).Select(i => Path.Combine(folder, $"{(i % 2 == 0 ? "base" : "ours")}-{i:000}.mp4")).ToList();
        foreach (var file in files) File.Copy(clip, file);
        var manifest = Path.Combine(folder, "manifest.csv");
        await File.WriteAllLinesAsync(manifest, ["file,condition,prompt,task,seed",
            .. files.Select((f, i) => $"{Path.GetFileName(f)},{(i % 2 == 0 ? "base-model" : "ours-simdrop")},\"A dancer spins, take {i / 2}\",dance,1")]);

        var page = await Fixture.NewPageAsync();
        await new SignInPage(page).SignInAsync("browser.researcher@platform.test", "researcher-password");
        await page.GotoAsync($"/studies/{studyId}");
        await new ShellPage(page).WaitUntilInteractiveAsync();
        var bulk = new BulkUploadSection(page);
        await bulk.OpenAsync();

        // When they are chosen at once
        await bulk.ChooseManifestAsync(manifest);
        await bulk.ChooseFilesAsync(files);

        // Then the page stays connected and maps every one of them
        await Assertions.Expect(bulk.Ready).ToHaveTextAsync("400 videos are mapped and ready to upload.", new() { Timeout = 30_000 });
        await Assertions.Expect(bulk.UploadButton).ToBeEnabledAsync();
        (await VideosAsync(researcher, studyId)).Should().BeEmpty("a preview stores nothing");
    }

    [Fact]
    public async Task A_chosen_folder_keeps_its_sub_folders_so_the_pattern_maps_each_to_its_condition()
    {
        // Given a study of kling-1.6 and simdrop-0.1, and a folder ui/ holding Kling-1.6/q1_4.mp4 and simdrop-0.1/q1_4.mp4
        var researcher = await Fixture.ResearcherAsync();
        var studyId = await researcher.CreateStudyAsync(new StudyBuilder
        {
            Title = "Bulk upload, a folder",
            Conditions = [new("kling-1.6", "Kling 1.6", true, new Dictionary<string, string>()), new("simdrop-0.1", "SimDrop 0.1", false, new Dictionary<string, string>())],
        }.Build());
        var root = Directory.CreateTempSubdirectory("bulk-folder-").FullName;
        var folder = Path.Combine(root, "ui");
        var clip = await TestVideos.ClipAsync(hue: 680);
        foreach (var condition in new[] { "Kling-1.6", "simdrop-0.1" })
        {
            Directory.CreateDirectory(Path.Combine(folder, condition));
            File.Copy(clip, Path.Combine(folder, condition, "q1_4.mp4"));
        }
        var prompts = Path.Combine(root, "prompts.csv");
        await File.WriteAllLinesAsync(prompts, ["prompt_id,prompt,task", "q1,A dancer spins on one foot,dance"]);

        var page = await Fixture.NewPageAsync();
        await new SignInPage(page).SignInAsync("browser.researcher@platform.test", "researcher-password");
        await page.GotoAsync($"/studies/{studyId}");
        await new ShellPage(page).WaitUntilInteractiveAsync();
        var bulk = new BulkUploadSection(page);
        await bulk.OpenAsync();

        // When the pattern {condition}/{prompt_id}_{seed}.mp4 and the prompts list are chosen, then the folder
        await bulk.MapByPatternAsync(prompts);
        await bulk.ChooseFolderAsync(folder);

        // Then each file keeps its sub-folder and maps by it, with no problem named
        await Assertions.Expect(bulk.Ready).ToHaveTextAsync("2 videos are mapped and ready to upload.");
        await Assertions.Expect(bulk.Problems).ToHaveCountAsync(0);
        await Assertions.Expect(bulk.Rows).ToHaveTextAsync([
            new System.Text.RegularExpressions.Regex(@"^\s*Kling-1\.6/q1_4\.mp4\s*kling-1\.6\s*A dancer spins on one foot\s*dance\s*4"),
            new System.Text.RegularExpressions.Regex(@"^\s*simdrop-0\.1/q1_4\.mp4\s*simdrop-0\.1\s*A dancer spins on one foot\s*dance\s*4"),
        ]);
        // And a condition key stays on one line (it broke at its hyphen before)
        (await bulk.RowConditions.First.EvaluateAsync<string>("cell => getComputedStyle(cell).whiteSpace")).Should().Be("nowrap");
        await Assertions.Expect(bulk.UploadButton).ToBeEnabledAsync();
    }

    private static async Task<List<VideoSummary>> VideosAsync(HttpClient researcher, Guid studyId) =>
        (await researcher.GetFromJsonAsync<List<VideoSummary>>($"/api/studies/{studyId}/videos", ApiClient.Json))!;
}
