using Microsoft.Playwright;

namespace Platform.BrowserTests.Pages;

/// <summary>
/// The study page's bulk uploader: a manifest, many files, the preview of their mapping and the upload. Each choice adds a
/// fresh file input (MudFileUpload keeps the earlier one with its files): the last one is the one to use.
/// </summary>
public sealed class BulkUploadSection(IPage page)
{
    public async Task OpenAsync()
    {
        await page.GetByRole(AriaRole.Tab, new() { Name = "Many files (manifest or pattern)" }).ClickAsync();
        await page.Locator("input[data-testid=bulk-files]").Last.WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    public Task ChooseManifestAsync(string path) => page.Locator("input[data-testid=bulk-manifest]").Last.SetInputFilesAsync(path);

    public Task ChooseFilesAsync(IEnumerable<string> paths) => page.Locator("input[data-testid=bulk-files]").Last.SetInputFilesAsync(paths);

    /// <summary>Chooses a whole folder, as the "Choose a folder" button does: the browser gives each file its path under the folder.</summary>
    public Task ChooseFolderAsync(string folder) => page.Locator("input[data-testid=bulk-folder]").Last.SetInputFilesAsync(folder);

    public async Task MapByPatternAsync(string promptsList)
    {
        await page.GetByText("By a file-name pattern and a prompts list").ClickAsync();
        await page.Locator("input[data-testid=bulk-prompts]").Last.SetInputFilesAsync(promptsList);
    }

    public ILocator Preview => page.Locator("[data-testid=bulk-preview]");
    public ILocator Problems => page.Locator("[data-testid=bulk-problem]");
    public ILocator Ready => page.Locator("[data-testid=bulk-ready]");
    public ILocator UploadButton => page.Locator("[data-testid=bulk-upload]");
    public ILocator Summary => page.Locator("[data-testid=bulk-summary]");
    public ILocator RowStates => page.Locator("[data-testid=bulk-row-state]");
    public ILocator RowConditions => page.Locator("[data-testid=bulk-row-condition]");
    public ILocator Rows => page.Locator("[data-testid=bulk-table] tbody tr");
}
