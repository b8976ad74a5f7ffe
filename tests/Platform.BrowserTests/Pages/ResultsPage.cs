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

    /// <summary>How wide the page is against the window: the page's scroll width, the window's inner width.</summary>
    public async Task<(int ScrollWidth, int InnerWidth)> WidthsAsync()
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        return (widths[0], widths[1]);
    }

    /// <summary>The pairwise table's width against the room it has: whether its last column (G−B) shows without scrolling it.</summary>
    public async Task<(int ScrollWidth, int ClientWidth)> PairwiseTableWidthsAsync()
    {
        var widths = await page.Locator("[data-testid=pairwise] .mud-table-container").EvaluateAsync<int[]>("c => [c.scrollWidth, c.clientWidth]");
        return (widths[0], widths[1]);
    }

    /// <summary>
    /// The words of the pairwise table's condition cells (A and B of every row), each with the number of lines it is
    /// laid out on: a key or a word such as Older-model-2024 broken at a hyphen takes two or more.
    /// </summary>
    public async Task<Dictionary<string, int>> PairwiseConditionWordLinesAsync()
    {
        var words = await page.EvaluateAsync<string[][]>("""
            () => [...document.querySelectorAll('[data-testid=pairwise] tbody tr td:nth-child(-n+2)')].flatMap(td => {
                const words = [];
                const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    for (const word of node.data.matchAll(/\S+/g)) {
                        const range = document.createRange();
                        range.setStart(node, word.index);
                        range.setEnd(node, word.index + word[0].length);
                        words.push([word[0], String(new Set([...range.getClientRects()].map(r => Math.round(r.top))).size)]);
                    }
                }
                return words;
            })
            """);
        return words.GroupBy(w => w[0]).ToDictionary(g => g.Key, g => g.Max(w => int.Parse(w[1], System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>Clicks an export button and returns the downloaded file's text.</summary>
    public async Task<string> DownloadAsync(string testId)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator($"[data-testid={testId}]").ClickAsync());
        var path = await download.PathAsync();
        return await File.ReadAllTextAsync(path);
    }
}
