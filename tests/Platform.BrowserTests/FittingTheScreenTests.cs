using Microsoft.Playwright;
using Platform.BrowserTests.Pages;
using Platform.Studies;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.BrowserTests;

/// <summary>A trial fits a 1366×768 laptop without scrolling, and a phone held upright too, its videos stacked.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class FittingTheScreenTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private static readonly string[] SideBySide = ["Left", "Right"];
    private static readonly string[] Stacked = ["Top", "Bottom"];
    private static readonly string[] KeyHints = ["(,)", "(.)", "(← or 1)", "(↓ or 2)", "(→ or 3)"];

    [Fact]
    public async Task On_a_laptop_a_pairwise_trial_fits_the_window_with_the_two_videos_side_by_side()
    {
        var (_, participant, window) = await StartAsync(new StudyBuilder().Build(), "laptop-pairwise", Screens.Laptop);

        var loaded = await participant.LayoutAsync();
        await participant.WaitUntilUnlockedAsync();
        var unlocked = await participant.LayoutAsync();

        foreach (var layout in new[] { loaded, unlocked })
        {
            ShouldFitWithoutScrolling(layout, window, answers: 3);
            var (left, right) = (layout.Videos[0], layout.Videos[1]);
            right.Top.Should().BeApproximately(left.Top, 0.5, "the videos sit side by side");
            left.Right.Should().BeLessThanOrEqualTo(right.Left);
        }
        await Assertions.Expect(participant.Captions).ToHaveTextAsync(SideBySide, new() { UseInnerText = true });
        await Assertions.Expect(participant.Answer("left")).ToHaveAccessibleNameAsync("Left is better");
        await Assertions.Expect(participant.Answer("right")).ToHaveAccessibleNameAsync("Right is better");
        await Assertions.Expect(participant.Answer("left").Locator(".key-hint")).ToBeVisibleAsync();
        await Assertions.Expect(participant.VisibleKeyHints).ToHaveTextAsync(KeyHints);
    }

    [Fact]
    public async Task On_a_laptop_a_rating_trial_fits_the_window()
    {
        var (_, participant, window) = await StartAsync(StudyBuilder.Rating().Build(), "laptop-rating", Screens.Laptop);

        var loaded = await participant.LayoutAsync();
        await participant.WaitUntilUnlockedAsync();
        var unlocked = await participant.LayoutAsync();

        ShouldFitWithoutScrolling(loaded, window, answers: 2, videos: 1);
        ShouldFitWithoutScrolling(unlocked, window, answers: 2, videos: 1);
    }

    [Fact]
    public async Task On_a_phone_a_pairwise_trial_fits_the_screen_with_the_videos_stacked_as_top_and_bottom_and_no_key_hints()
    {
        var (page, participant, window) = await StartAsync(new StudyBuilder().Build(), "phone-pairwise", Screens.Phone);

        var loaded = await participant.LayoutAsync();
        await participant.WaitUntilUnlockedAsync();
        var unlocked = await participant.LayoutAsync();

        foreach (var layout in new[] { loaded, unlocked })
        {
            ShouldFitWithoutScrolling(layout, window, answers: 3);
            ShouldSuitFingers(layout, window);
            var (top, bottom) = (layout.Videos[0], layout.Videos[1]);
            bottom.Top.Should().BeGreaterThanOrEqualTo(top.Bottom - 0.5, "the videos stack");
        }
        await Assertions.Expect(participant.Captions).ToHaveTextAsync(Stacked, new() { UseInnerText = true });
        await Assertions.Expect(participant.Answer("left")).ToHaveAccessibleNameAsync("Top is better");
        await Assertions.Expect(participant.Answer("same")).ToHaveAccessibleNameAsync("About the same");
        await Assertions.Expect(participant.Answer("right")).ToHaveAccessibleNameAsync("Bottom is better");
        await Assertions.Expect(participant.VisibleKeyHints).ToHaveCountAsync(0);
        await Assertions.Expect(participant.Tooltips).ToHaveCountAsync(0);
        await Screenshots.TakeAsync(page, "participant-trial-phone", fullPage: true);

        await participant.Answer("left").TapAsync();
        await Assertions.Expect(participant.CompletionCode).ToHaveTextAsync("C1A2B3");
    }

    [Fact]
    public async Task On_a_phone_a_rating_trial_fits_the_screen()
    {
        var (_, participant, window) = await StartAsync(StudyBuilder.Rating().Build(), "phone-rating", Screens.Phone);

        var loaded = await participant.LayoutAsync();
        await participant.WaitUntilUnlockedAsync();
        var unlocked = await participant.LayoutAsync();

        foreach (var layout in new[] { loaded, unlocked })
        {
            ShouldFitWithoutScrolling(layout, window, answers: 2, videos: 1);
            ShouldSuitFingers(layout, window);
        }
        await Assertions.Expect(participant.Answer("success")).ToHaveAccessibleNameAsync("Success");
        await Assertions.Expect(participant.Answer("failure")).ToHaveAccessibleNameAsync("Failure");
        await Assertions.Expect(participant.VisibleKeyHints).ToHaveCountAsync(0);
    }

    /// <summary>A one-trial study opened on this screen, past consent, with the videos' sizes known.</summary>
    private async Task<(IPage Page, TakeStudyPage Participant, ViewportSize Window)> StartAsync(StudySettings settings, string participantId, BrowserNewContextOptions screen)
    {
        var researcher = await Fixture.ResearcherAsync();
        var studyId = await researcher.OpenStudyWithVideosAsync(settings with { TrialsPerParticipant = 1, CompletionUrl = null }, prompts: 1);
        var page = await Fixture.NewPageAsync(screen);
        var participant = new TakeStudyPage(page);
        await participant.OpenFromProlificAsync(studyId, participantId);
        await participant.ConsentAndStartAsync();
        await participant.WaitForVideoSizesAsync();
        return (page, participant, screen.ViewportSize!);
    }

    private void ShouldFitWithoutScrolling(TrialLayout layout, ViewportSize window, int answers, int videos = 2)
    {
        Output.WriteLine(layout.ToString());
        layout.Videos.Should().HaveCount(videos);
        layout.Controls.Should().HaveCount(5, "play, two frame steps, the scrub bar and the speed");
        layout.Answers.Should().HaveCount(answers);
        layout.Everything.Should().AllSatisfy(box =>
            box.IsWithin(window.Width, window.Height).Should().BeTrue($"{box} lies inside the {window.Width}×{window.Height} window"));
        layout.ScrollHeight.Should().BeLessThanOrEqualTo(layout.WindowHeight + 1, "the page does not scroll");
        layout.ScrollWidth.Should().BeLessThanOrEqualTo(layout.WindowWidth + 1, "the page does not scroll sideways");
    }

    /// <summary>At the phone's own width (not zoomed out), every control and answer at least 44 px high for a finger.</summary>
    private static void ShouldSuitFingers(TrialLayout layout, ViewportSize window)
    {
        layout.WindowWidth.Should().Be(window.Width, "the page is not zoomed out to make room for something wider");
        layout.Controls.Concat(layout.Answers).Should().AllSatisfy(box =>
            box.Height.Should().BeGreaterThanOrEqualTo(44, $"{box} is a touch target"));
    }
}
