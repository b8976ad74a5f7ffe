using Microsoft.Playwright;

namespace Platform.BrowserTests;

/// <summary>The screens a page can open on: the laptop the study is designed for, and a phone held upright.</summary>
public static class Screens
{
    public static BrowserNewContextOptions Laptop => new() { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } };

    /// <summary>An iPhone 12–15 sized window with Chromium's mobile emulation: touch, and the page's viewport meta tag honoured.</summary>
    public static BrowserNewContextOptions Phone => new()
    {
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        DeviceScaleFactor = 3,
        IsMobile = true,
        HasTouch = true,
    };
}
