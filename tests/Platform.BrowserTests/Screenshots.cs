using Microsoft.Playwright;

namespace Platform.BrowserTests;

/// <summary>Pictures of what a person sees, kept beside the test output (the README's come from here).</summary>
internal static class Screenshots
{
    public static Task TakeAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"{name}.png") });
}
