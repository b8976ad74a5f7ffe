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

    public ILocator Text => page.Locator("[data-testid=caption-text]");

    /// <summary>What the editor says about the text: its length and whether it is saved.</summary>
    public ILocator State => page.Locator("[data-testid=caption-state]");

    public async Task WriteAsync(string caption)
    {
        await Assertions.Expect(Text).ToBeEditableAsync();
        await Text.FillAsync(caption);
    }

    /// <summary>Selects the whole text, so what is typed next replaces it.</summary>
    public async Task SelectAllAsync()
    {
        await Assertions.Expect(Text).ToBeEditableAsync();
        await Text.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
    }

    /// <summary>Types key by key, <paramref name="delayMs"/> between keys, as a fast typist does.</summary>
    public Task TypeAsync(string text, int delayMs = 2) => Text.PressSequentiallyAsync(text, new() { Delay = delayMs });

    /// <summary>Pastes through the clipboard with Ctrl+V, where the caret is.</summary>
    public async Task PasteAsync(string text)
    {
        await page.EvaluateAsync("text => navigator.clipboard.writeText(text)", text);
        await page.Keyboard.PressAsync("Control+V");
    }

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

    public ILocator Accept => page.Locator("[data-testid=accept]");

    public ILocator Reject => page.Locator("[data-testid=reject]");

    public ILocator ReviewBlocked => page.Locator("[data-testid=review-blocked]");

    public ILocator Submit => page.Locator("[data-testid=submit]");

    public ILocator SubmitBlocked => page.Locator("[data-testid=submit-blocked]");
}
