using Microsoft.Playwright;

namespace Platform.BrowserTests.Pages;

/// <summary>The layout every signed-in page shares: navigation drawer, user name, sign-out.</summary>
public sealed class ShellPage(IPage page)
{
    public IPage Page => page;

    public Task WaitUntilInteractiveAsync() =>
        page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    public ILocator SignedInAs => page.Locator("[data-testid=signed-in-as]");

    public ILocator NavLink(string title) => page.Locator(".mud-navmenu").GetByRole(AriaRole.Link, new() { Name = title, Exact = true });

    public async Task OpenAsync(string title)
    {
        await NavLink(title).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 }).WaitForAsync();
    }

    public async Task GoHomeAsync()
    {
        await NavLink("Home").ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Welcome", Level = 1 }).WaitForAsync();
    }

    public async Task<SignInPage> SignOutAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/signin**");
        return new SignInPage(page);
    }
}
