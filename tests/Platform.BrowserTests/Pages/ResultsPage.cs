using Microsoft.Playwright;

namespace Platform.BrowserTests.Pages;

/// <summary>A study's results dashboard: live counts, tables, charts and the export buttons.</summary>
public sealed class ResultsPage(IPage page)
{
    public async Task OpenAsync(Guid studyId)
    {
        await page.GotoAsync($"/studies/{studyId}/results");
        await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("[data-testid=progress]").WaitForAsync();
    }

    public ILocator Count(string testId) => page.Locator($"[data-testid={testId}-value]");

    public ILocator PairwiseRows => page.Locator("[data-testid=pairwise] tbody tr");

    public ILocator Ranks => page.Locator("[data-testid=ranking] [data-testid=rank]");

    public ILocator RankLegend => page.Locator("[data-testid=rank-legend]");

    /// <summary>Hovers over the time left and returns its tooltip.</summary>
    public async Task<ILocator> TimeLeftTooltipAsync()
    {
        await page.Locator("[data-testid=time-left]").HoverAsync();
        return page.Locator(".mud-tooltip.mud-popover-open");
    }

    /// <summary>The import of judgments collected elsewhere: choose a file, see its problems or its preview, confirm.</summary>
    public async Task OpenImportAsync()
    {
        await page.Locator("[data-testid=import-judgments-open]").ClickAsync();
        await page.Locator("[data-testid=import-judgments]").WaitForAsync();
    }

    /// <summary>MudFileUpload adds a fresh input after each choice: the last one takes the next file.</summary>
    public Task ChooseImportFileAsync(string name, string csv) =>
        page.Locator("[data-testid=import-judgments] input[type=file]").Last.SetInputFilesAsync(
            new FilePayload { Name = name, MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });

    public ILocator ImportProblems => page.Locator("[data-testid=import-problems]");

    public ILocator ImportProblemLines => page.Locator("[data-testid=import-problem]");

    public ILocator ImportPreview => page.Locator("[data-testid=import-preview]");

    public ILocator ImportPreviewRows => page.Locator("[data-testid=import-preview-rows] tbody tr");

    public ILocator ImportDone => page.Locator("[data-testid=import-done]");

    public Task ConfirmImportAsync() => page.Locator("[data-testid=import-confirm]").ClickAsync();

    /// <summary>Clicks an export button and returns the downloaded file's text.</summary>
    public async Task<string> DownloadAsync(string testId)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator($"[data-testid={testId}]").ClickAsync());
        var path = await download.PathAsync();
        return await File.ReadAllTextAsync(path);
    }
}
