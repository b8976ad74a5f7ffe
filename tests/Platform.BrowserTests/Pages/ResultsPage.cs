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

    /// <summary>Clicks an export button and returns the downloaded file's text.</summary>
    public async Task<string> DownloadAsync(string testId)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator($"[data-testid={testId}]").ClickAsync());
        var path = await download.PathAsync();
        return await File.ReadAllTextAsync(path);
    }
}
