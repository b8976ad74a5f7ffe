using Microsoft.Playwright;

namespace Platform.BrowserTests.Pages;

/// <summary>What an anonymous participant sees: instructions and consent, trials, the completion page.</summary>
public sealed class TakeStudyPage(IPage page)
{
    public ILocator Trial => page.Locator("[data-testid=trial]");
    public ILocator CompletionCode => page.Locator("[data-testid=completion-code]");

    /// <summary>The videos' captions (a rating's one video has none).</summary>
    public ILocator Captions => Trial.Locator("figcaption");

    /// <summary>The key hints a participant can see: "(← or 1)" on an answer, "(,)" on a frame step.</summary>
    public ILocator VisibleKeyHints => Trial.Locator(".key-hint:visible");

    /// <summary>Elements with a tooltip, which is where keys used to be named.</summary>
    public ILocator Tooltips => Trial.Locator("[title]");

    public async Task OpenFromProlificAsync(Guid studyId, string prolificId)
    {
        await page.GotoAsync($"/take/{studyId}?PROLIFIC_PID={prolificId}&STUDY_ID=prolific-study&SESSION_ID=prolific-session");
        await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    public async Task ConsentAndStartAsync()
    {
        await page.GetByLabel("I have read this and agree to take part.").CheckAsync();
        await page.Locator("[data-testid=start]").ClickAsync();
        await Trial.WaitForAsync();
    }

    public ILocator Answer(string choice) => page.Locator($"button[data-choice={choice}]");

    /// <summary>Waits until the answers unlock (every video played through), then presses the key.</summary>
    public async Task AnswerWithKeyAsync(string key)
    {
        var trialId = await Trial.GetAttributeAsync("data-trial");
        await WaitUntilUnlockedAsync();
        await page.Keyboard.PressAsync(key);
        await page.WaitForFunctionAsync(
            "id => !document.querySelector('[data-testid=trial]') || document.querySelector('[data-testid=trial]').dataset.trial !== id", trialId);
    }

    public Task WaitUntilUnlockedAsync() =>
        page.Locator("button[data-choice]:not([disabled])").First.WaitForAsync(new() { Timeout = 20_000 });

    /// <summary>Waits until every video of the trial knows its size, so the layout is the one the participant watches.</summary>
    public Task WaitForVideoSizesAsync() =>
        page.WaitForFunctionAsync("() => [...document.querySelectorAll('[data-testid=trial] video')].every(v => v.videoWidth > 0)");

    public async Task<TrialLayout> LayoutAsync() => await page.EvaluateAsync<TrialLayout>(TrialLayout.Script);

    public Task ChooseSpeedAsync(string speed) => page.Locator("[data-player=speed]").SelectOptionAsync(speed);

    /// <summary>Presses a frame-step key (, or .) and returns where the first video then stands, in seconds.</summary>
    public async Task<double> StepAsync(string key)
    {
        await page.Keyboard.PressAsync(key);
        return await page.EvaluateAsync<double>("() => document.querySelector('[data-testid=trial] video').currentTime");
    }

    public Task<bool> IsFinishedAsync() => CompletionCode.IsVisibleAsync();
}
