using Microsoft.Playwright;

namespace Platform.BrowserTests.Pages;

/// <summary>The caption editor at /captions/{id}, for annotators and reviewers.</summary>
public sealed class CaptionEditor(IPage page)
{
    public async Task OpenAsync(Guid videoId)
    {
        await page.GotoAsync($"/captions/{videoId}");
        await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("[data-testid=caption-status]").WaitForAsync();
    }

    public async Task AddTagAsync(string element, string tag)
    {
        await page.Locator($"[data-testid=add-{element}]").FillAsync(tag);
        await page.Locator($"[data-testid=add-{element}]").PressAsync("Enter");
        await page.Locator($"[data-testid='tag-{element}-{tag}']").WaitForAsync();
    }

    public Task WriteAsync(string caption) => page.Locator("[data-testid=caption-text]").FillAsync(caption);

    public Task SubmitAsync() => page.Locator("[data-testid=submit]").ClickAsync();

    public async Task RejectAsync(string comment)
    {
        await page.Locator("[data-testid=reject-comment]").FillAsync(comment);
        await page.Locator("[data-testid=reject]").ClickAsync();
    }

    public Task AcceptAsync() => page.Locator("[data-testid=accept]").ClickAsync();

    public ILocator Status => page.Locator("[data-testid=caption-status]");

    public ILocator Rejection => page.Locator("[data-testid=rejection]");

    public ILocator Warnings => page.Locator("[data-testid=caption-warning]");
}
