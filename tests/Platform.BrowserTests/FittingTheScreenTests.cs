using Microsoft.Playwright;
using Platform.BrowserTests.Pages;
using Platform.Studies;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.BrowserTests;

/// <summary>A trial fits a 1366×768 laptop without scrolling; on a phone held upright the videos stack.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class FittingTheScreenTests(BrowserFixture fixture, ITestOutputHelper output) : IDisposable
{
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
    public async Task On_a_phone_the_videos_stack_within_the_screen_width_and_the_answers_can_be_scrolled_to_and_tapped()
    {
        var (page, participant, window) = await StartAsync(new StudyBuilder().Build(), "phone-pairwise", Screens.Phone);

        var layout = await participant.LayoutAsync();

        output.WriteLine(layout.ToString());
        layout.Videos.Should().HaveCount(2);
        var (first, second) = (layout.Videos[0], layout.Videos[1]);
        second.Top.Should().BeGreaterThanOrEqualTo(first.Bottom - 0.5, "the videos stack");
        layout.Everything.Should().AllSatisfy(box =>
            (box.Left >= -0.5 && box.Right <= window.Width + 0.5).Should().BeTrue($"{box} lies within the {window.Width} px wide screen"));
        layout.WindowWidth.Should().Be(window.Width, "the page is not zoomed out to make room for something wider");
        layout.ScrollWidth.Should().BeLessThanOrEqualTo(window.Width, "the page does not scroll sideways");

        await participant.WaitUntilUnlockedAsync();
        var left = participant.Answer("left");
        await left.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(left).ToBeInViewportAsync();
        await Screenshots.TakeAsync(page, "participant-trial-phone", fullPage: true);
        await left.TapAsync();
        await Assertions.Expect(participant.CompletionCode).ToHaveTextAsync("C1A2B3");
    }

    /// <summary>A one-trial study opened on this screen, past consent, with the videos' sizes known.</summary>
    private async Task<(IPage Page, TakeStudyPage Participant, ViewportSize Window)> StartAsync(StudySettings settings, string participantId, BrowserNewContextOptions screen)
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.OpenStudyWithVideosAsync(settings with { TrialsPerParticipant = 1, CompletionUrl = null }, prompts: 1);
        var page = await fixture.NewPageAsync(screen);
        var participant = new TakeStudyPage(page);
        await participant.OpenFromProlificAsync(studyId, participantId);
        await participant.ConsentAndStartAsync();
        await participant.WaitForVideoSizesAsync();
        return (page, participant, screen.ViewportSize!);
    }

    private void ShouldFitWithoutScrolling(TrialLayout layout, ViewportSize window, int answers, int videos = 2)
    {
        output.WriteLine(layout.ToString());
        layout.Videos.Should().HaveCount(videos);
        layout.Controls.Should().HaveCount(5, "play, two frame steps, the scrub bar and the speed");
        layout.Answers.Should().HaveCount(answers);
        layout.Everything.Should().AllSatisfy(box =>
            box.IsWithin(window.Width, window.Height).Should().BeTrue($"{box} lies inside the {window.Width}×{window.Height} window"));
        layout.ScrollHeight.Should().BeLessThanOrEqualTo(layout.WindowHeight + 1, "the page does not scroll");
        layout.ScrollWidth.Should().BeLessThanOrEqualTo(layout.WindowWidth + 1, "the page does not scroll sideways");
    }

    /// <summary>A failing test shows what the browser's console said.</summary>
    public void Dispose()
    {
        foreach (var line in fixture.BrowserLogQueue) output.WriteLine(line);
    }
}
