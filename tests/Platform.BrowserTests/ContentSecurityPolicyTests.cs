using Microsoft.Playwright;
using Platform.BrowserTests.Pages;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.BrowserTests;

/// <summary>The pages work under their Content-Security-Policy: Chromium reports no violation, and refuses what the policy forbids.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output), IDisposable
{
    [Fact]
    public async Task A_participant_takes_a_study_and_a_researcher_works_without_a_policy_violation()
    {
        var researcher = await Fixture.ResearcherAsync();
        var studyId = await researcher.OpenStudyWithVideosAsync(new StudyBuilder { TrialsPerParticipant = 1 }.Build(), prompts: 1);
        var (page, violations) = await NewWatchedPageAsync();
        var participant = new TakeStudyPage(page);

        await participant.OpenFromProlificAsync(studyId, "policy-participant");
        await participant.ConsentAndStartAsync();
        await participant.AnswerWithKeyAsync("ArrowLeft");
        await Assertions.Expect(participant.CompletionCode).ToBeVisibleAsync();
        var shell = await new SignInPage(page).SignInAsync(PlatformFactory.AdminEmail, PlatformFactory.AdminPassword);
        await shell.OpenAsync("Studies");
        var document = await page.GotoAsync($"/studies/{studyId}");
        await shell.WaitUntilInteractiveAsync();

        violations.Should().BeEmpty();
        (await document!.HeaderValueAsync("content-security-policy")).Should().Contain("script-src 'self' 'nonce-").And.Contain("frame-ancestors 'none'");
    }

    [Fact]
    public async Task A_script_injected_into_a_page_is_refused()
    {
        var (page, violations) = await NewWatchedPageAsync();
        await page.GotoAsync("/signin");

        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injected = true'; document.body.append(s); }");

        (await page.EvaluateAsync<bool>("() => window.injected === true")).Should().BeFalse();
        for (var waited = 0; violations.Count == 0 && waited < 5000; waited += 100) await Task.Delay(100);
        violations.Should().ContainSingle().Which.Should().Contain("script-src");
    }

    [Fact]
    public async Task The_API_reference_renders_without_a_policy_violation()
    {
        var (page, violations) = await NewWatchedPageAsync();

        await page.GotoAsync("/api/docs");

        // Scalar's bundle is megabytes of script: on a busy machine it takes a while to render.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "List all accounts" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        violations.Should().BeEmpty();
    }

    [Fact]
    public async Task The_jobs_dashboard_renders_without_a_policy_violation()
    {
        var (page, violations) = await NewWatchedPageAsync();
        await new SignInPage(page).SignInAsync(PlatformFactory.AdminEmail, PlatformFactory.AdminPassword);

        await page.GotoAsync("/jobs/recurring");

        await Assertions.Expect(page.GetByText("Recurring jobs").First).ToBeVisibleAsync();
        violations.Should().BeEmpty();
    }

    /// <summary>
    /// A page whose console messages about the Content Security Policy (Chromium reports every violation there) are
    /// kept; not the Fixture's, so the violation provoked here stays out of the other tests' logs.
    /// </summary>
    private async Task<(IPage Page, List<string> Violations)> NewWatchedPageAsync()
    {
        var context = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Fixture.BaseUrl });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning") _console.Enqueue($"{message.Type}: {message.Text}");
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                lock (violations) violations.Add(message.Text);
        };
        return (page, violations);
    }

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _console = new();

    /// <summary>A failing test shows what the browser's console said.</summary>
    public void Dispose()
    {
        foreach (var line in _console) Output.WriteLine(line);
    }
}
