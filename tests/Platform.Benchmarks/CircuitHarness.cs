using System.Diagnostics;
using Microsoft.Playwright;
using Platform.Testing;

namespace Platform.Benchmarks;

/// <summary>
/// The participant UI's cost on the server: C participant pages (/take/{study}?PROLIFIC_PID=…) in Debian's Chromium,
/// each its own Blazor circuit, in one browser context (its HTTP cache shared, as the script and style files are the same
/// for every participant), with media requests blocked so video decoding does not take the two cores. The platform's resident memory before the first page and after all C circuits are connected
/// (and a few seconds to settle) gives the memory per circuit.
/// </summary>
public static class CircuitHarness
{
    /// <summary>Pages opened at once: enough to keep the browser busy, few enough that the two cores are not swamped.</summary>
    private const int Opening = 4;

    public static async Task<int> RunAsync(VotingOptions options, string[] args)
    {
        MachineInfo.Print(args);
        using var cancel = VotingHarness.CancelOnCtrlC();
        await using var platform = await PlatformProcess.StartAsync(options.Published, options.Settings, cancel.Token);
        using var researcher = new HttpClient { BaseAddress = new Uri(platform.BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
        await researcher.SignInAsync(PlatformProcess.AdminEmail, platform.AdminPassword);
        var studyId = await new LoadStudy(options.Conditions, options.Prompts ?? 2, options.TrialsPerParticipant, options.GoldRate).CreateAsync(researcher, cancel.Token);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });

        await Task.Delay(TimeSpan.FromSeconds(options.SettleSeconds), cancel.Token);
        var before = platform.Memory();
        Console.WriteLine($"platform before any page: {Mb(before.Resident):0} MB resident ({Mb(before.Anonymous):0} MB anonymous)");

        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = platform.BaseUrl });
        context.SetDefaultTimeout(60_000);
        await context.RouteAsync("**/media/**", route => route.AbortAsync());
        var pages = new List<IPage>();
        var failures = new Dictionary<string, int>();
        var connected = 0;
        var started = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Circuits), new ParallelOptions { MaxDegreeOfParallelism = Opening, CancellationToken = cancel.Token }, async (i, _) =>
        {
            try
            {
                var page = await OpenAsync(context, studyId, i, options.StartTrial);
                lock (pages) pages.Add(page);
                if (Interlocked.Increment(ref connected) % 25 == 0)
                    Console.WriteLine($"  {connected} circuits connected after {started.Elapsed.TotalSeconds:0} s; platform {Mb(platform.Memory().Resident):0} MB, machine {MachineInfo.MemInfoKb("MemAvailable") / 1024:0} MB available");
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                var what = e.Message.Split('\n')[0];
                lock (failures) failures[what] = failures.GetValueOrDefault(what) + 1;
            }
        });
        Console.WriteLine($"{connected} of {options.Circuits} circuits connected in {started.Elapsed.TotalSeconds:0.0} s{(options.StartTrial ? " (each on its first trial)" : " (each on the instructions page)")}");
        foreach (var (what, count) in failures) Console.WriteLine($"  {count} × failed: {what}");

        await Task.Delay(TimeSpan.FromSeconds(options.SettleSeconds), cancel.Token);
        var after = platform.Memory();
        Console.WriteLine($"platform with {connected} circuits, {options.SettleSeconds} s later: {Mb(after.Resident):0} MB resident ({Mb(after.Anonymous):0} MB anonymous)");
        if (connected > 0)
        {
            Console.WriteLine($"MB per circuit: {Mb(after.Resident - before.Resident) / connected:0.00} resident ({Mb(after.Anonymous - before.Anonymous) / connected:0.00} anonymous), (after − before) / {connected}");
            Console.WriteLine("  (this includes the first page's one-time costs — JIT, component and asset caches — which weigh less the more circuits there are)");
        }

        foreach (var page in pages) await page.CloseAsync();
        await Task.Delay(TimeSpan.FromSeconds(options.SettleSeconds), CancellationToken.None);
        Console.WriteLine($"platform {options.SettleSeconds} s after closing the pages: {Mb(platform.Memory().Resident):0} MB resident " +
            "(Blazor keeps a disconnected circuit for a while, 3 minutes by default, and the GC returns memory when it likes)");
        Console.WriteLine();
        platform.PrintLogSummary();
        return connected == options.Circuits ? 0 : 1;
    }

    /// <summary>A participant arriving from Prolific, on a page of its own.</summary>
    private static async Task<IPage> OpenAsync(IBrowserContext context, Guid studyId, int i, bool startTrial)
    {
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync($"/take/{studyId}?PROLIFIC_PID=p{i}&STUDY_ID=x&SESSION_ID=y");
            // The layout shows this marker only once the page is interactive: the circuit is connected.
            await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            if (startTrial)
            {
                await page.GetByLabel("I have read this and agree to take part.").CheckAsync();
                await page.Locator("[data-testid=start]").ClickAsync();
                await page.Locator("[data-testid=trial]").WaitForAsync();
            }
            return page;
        }
        catch
        {
            await page.CloseAsync();
            throw;
        }
    }

    private static double Mb(long bytes) => bytes / 1048576.0;
}
