using Microsoft.Playwright;

namespace Platform.BrowserTests;

/// <summary>Pictures of what a person sees, kept beside the test output (the README's come from here).</summary>
internal static class Screenshots
{
    /// <param name="fullPage">The whole scrollable page rather than the window.</param>
    public static Task TakeAsync(IPage page, string name, bool fullPage = false) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"{name}.png"), FullPage = fullPage });
}
