using Microsoft.Playwright;

namespace Platform.BrowserTests.Pages;

/// <summary>The admin's inference servers page and a study's generation page.</summary>
public sealed class GenerationPages(IPage page)
{
    public async Task RegisterServerAsync(string name, string baseUrl)
    {
        await page.GotoAsync("/admin/servers");
        await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("[data-testid=register-server]").ClickAsync();
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Base URL").FillAsync(baseUrl);
        await page.Locator("[data-testid=server-save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=servers] tbody tr").Filter(new() { HasText = name })).ToContainTextAsync("Up");
    }

    public async Task OpenAsync(Guid studyId)
    {
        await page.GotoAsync($"/studies/{studyId}/generation");
        await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("[data-testid=batch-prompts]").WaitForAsync();
    }

    public async Task GenerateAsync(string prompt, string seeds)
    {
        await page.Locator("[data-testid=batch-prompts]").FillAsync(prompt);
        await page.Locator("[data-testid=batch-seeds]").FillAsync(seeds);
        await page.Locator("[data-testid=batch-preview]").ClickAsync();
        await page.Locator("[data-testid=batch-plan]").WaitForAsync();
        await page.Locator("[data-testid=batch-start]").ClickAsync();
    }

    public ILocator Plan => page.Locator("[data-testid=batch-plan]");

    public ILocator LatestBatchCounts => page.Locator("[data-testid=batch-counts]").First;
}
