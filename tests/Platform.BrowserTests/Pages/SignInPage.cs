using Microsoft.Playwright;

namespace Platform.BrowserTests.Pages;

public sealed class SignInPage(IPage page)
{
    public async Task<ShellPage> SignInAsync(string email, string password)
    {
        await page.GotoAsync("/signin");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var shell = new ShellPage(page);
        await shell.WaitUntilInteractiveAsync();
        return shell;
    }
}
