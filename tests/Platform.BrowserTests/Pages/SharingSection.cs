using Microsoft.Playwright;

namespace Platform.BrowserTests.Pages;

/// <summary>The "Sharing" section of a study's page: its owner, the researchers it is shared with, the picker.</summary>
public sealed class SharingSection(IPage page)
{
    public ILocator Owner => page.Locator("[data-testid=owner]");

    public ILocator SharedWith => page.Locator("[data-testid=shared-with]");

    /// <summary>Types part of a researcher's name or address, picks the suggestion naming them, and shares.</summary>
    public async Task ShareWithAsync(string typed, string email)
    {
        await page.Locator("input[data-testid=share-with], [data-testid=share-with] input").FillAsync(typed);
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = email }).ClickAsync();
        await page.Locator("[data-testid=share]").ClickAsync();
        await Assertions.Expect(SharedWith.Filter(new() { HasText = email })).ToHaveCountAsync(1);
    }

    /// <summary>Closes the researcher's chip: the study is no longer shared with them.</summary>
    public async Task UnshareAsync(string email)
    {
        await SharedWith.Filter(new() { HasText = email }).Locator(".mud-chip-close-button").ClickAsync();
        await Assertions.Expect(SharedWith.Filter(new() { HasText = email })).ToHaveCountAsync(0);
    }
}
