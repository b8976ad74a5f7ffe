using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Playwright;
using Platform.Testing;

namespace Platform.BrowserTests;

/// <summary>The platform on a real Kestrel port and Debian's Chromium driven by Playwright (no browser download).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public PlatformFactory Factory { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Errors and warnings the pages logged in their console.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> BrowserLogQueue { get; } = new();

    private void BrowserLogAdd(string line) => BrowserLogQueue.Enqueue(line);

    public async Task InitializeAsync()
    {
        Factory = new PlatformFactory(await TestDatabase.CreateAsync("browser"));
        Factory.UseKestrel(0);
        Factory.StartServer();
        BaseUrl = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(a => a.StartsWith("http://", StringComparison.Ordinal)).Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public Task<IPage> NewPageAsync() => NewPageAsync(Screens.Laptop);

    /// <param name="screen">The window's size and kind, from <see cref="Screens"/>.</param>
    public async Task<IPage> NewPageAsync(BrowserNewContextOptions screen)
    {
        screen.BaseURL = BaseUrl;
        var context = await Browser.NewContextAsync(screen);
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        // What the browser said goes to the test output: a failing browser test shows its console errors.
        page.Console += (_, message) => { if (message.Type is "error" or "warning") BrowserLogAdd($"{message.Type}: {message.Text}"); };
        page.PageError += (_, error) => BrowserLogAdd($"page error: {error}");
        return page;
    }

    private HttpClient? _researcher;

    /// <summary>A Researcher's API client on this host, made once.</summary>
    public async Task<HttpClient> ResearcherAsync() =>
        _researcher ??= await Factory.NewResearcherAsync("browser.researcher@platform.test");

    public async Task<Platform.Voting.ParticipantSession> SessionOfAsync(Guid studyId, string participantId)
    {
        var sessions = Factory.Services.GetRequiredService<Platform.Web.Voting.SessionStarts>();
        return await sessions.FindAsync(studyId, participantId, CancellationToken.None)
            ?? throw new InvalidOperationException($"{participantId} has no session.");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}
