using Microsoft.Playwright;

namespace Platform.BrowserTests.Pages;

public sealed class UsersPage(IPage page)
{
    public ILocator Rows => page.Locator("[data-testid=users] tbody tr");

    public async Task CreateAsync(string email, string name, string password, string role)
    {
        await page.Locator("[data-testid=new-user]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.GetByLabel("Email").FillAsync(email);
        await dialog.GetByLabel("Display name").FillAsync(name);
        await dialog.GetByLabel("Password").FillAsync(password);
        await dialog.GetByText(role, new() { Exact = true }).ClickAsync();
        await dialog.Locator("[data-testid=new-user-save]").ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }
}
