using Marten;
using Microsoft.Playwright;
using Platform.Accounts;
using Platform.BrowserTests.Pages;
using Platform.Captions;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.BrowserTests;

/// <summary>A researcher chooses more videos while an import runs: both selections are imported, each video once.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CaptionImportTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task Videos_chosen_while_an_import_runs_wait_their_turn_and_every_video_of_both_selections_is_imported_once()
    {
        var email = $"importer.{Guid.NewGuid():N}@platform.test";
        await (await Fixture.Factory.AdminAsync()).CreateUserAsync(email, "importer-password", Role.Researcher);
        var page = await Fixture.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") lock (errors) errors.Add(message.Text); };
        page.PageError += (_, error) => { lock (errors) errors.Add(error); };
        await new SignInPage(page).SignInAsync(email, "importer-password");
        var first = await SelectionAsync("first", count: 6, hue: 700);
        var second = await SelectionAsync("second", count: 3, hue: 720);

        await page.GotoAsync("/captions");
        await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await (await ReadyPickerAsync(page)).SetInputFilesAsync(first.Files);
        await Assertions.Expect(page.Locator("[data-testid=import-progress]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await (await ReadyPickerAsync(page)).SetInputFilesAsync(second.Files);
        await Assertions.Expect(page.Locator("[data-testid=import-queued]")).ToBeVisibleAsync(new() { Timeout = 15_000 });

        await Assertions.Expect(page.Locator("[data-testid=import-progress]")).ToBeHiddenAsync(new() { Timeout = 120_000 });
        var results = await page.Locator("[data-testid=import-result]").AllInnerTextsAsync();
        foreach (var line in results) Output.WriteLine(line);
        var names = first.Videos.Concat(second.Videos).ToList();
        results.Should().BeEquivalentTo(names.Select(n => $"{n}: imported."));
        await using var session = Fixture.Factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
        foreach (var name in names)
            (await session.Query<SyntheticVideo>().CountAsync(v => v.FileName == name)).Should().Be(1, $"{name} is in the catalog once");
        errors.Should().NotContain(e => e.Contains("no file", StringComparison.OrdinalIgnoreCase) || e.Contains("Error", StringComparison.Ordinal));
    }

    private const string Picker = "input[type=file][data-testid=catalog-upload], [data-testid=catalog-upload] input[type=file]";

    /// <summary>The file input to choose with, once Blazor listens to it (files set before that go unnoticed, as a person cannot be that quick).</summary>
    private static async Task<ILocator> ReadyPickerAsync(IPage page)
    {
        await page.WaitForFunctionAsync("selector => { const input = document.querySelector(selector); return input !== null && '_blazorInputFileNextFileId' in input; }", Picker);
        return page.Locator(Picker);
    }

    /// <summary>Videos of their own content, each with its sidecar, in a folder of their own.</summary>
    private static async Task<(string[] Files, string[] Videos)> SelectionAsync(string name, int count, int hue)
    {
        var folder = Directory.CreateTempSubdirectory($"catalog-{name}-").FullName;
        var files = new List<string>();
        var videos = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var video = Path.Combine(folder, $"{name}-{i}-{Guid.NewGuid():N}.mp4");
            File.Copy(await TestVideos.ClipAsync(hue + i, seconds: 2, width: 320, height: 240), video);
            await File.WriteAllTextAsync(Path.ChangeExtension(video, ".json"), CaptionApi.Sidecar);
            files.Add(video);
            files.Add(Path.ChangeExtension(video, ".json"));
            videos.Add(Path.GetFileName(video));
        }
        return ([.. files], [.. videos]);
    }
}
