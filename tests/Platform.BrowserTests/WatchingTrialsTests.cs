using Microsoft.Playwright;
using Platform.BrowserTests.Pages;
using Platform.Testing;
using Platform.Voting;
using Xunit.Abstractions;

namespace Platform.BrowserTests;

/// <summary>The side-by-side player over several trials in a row: unlocking, one sync loop, speed, frame step.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class WatchingTrialsTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task Every_pairwise_trial_in_a_row_unlocks_after_one_play_through_with_one_sync_loop_at_the_speed_shown()
    {
        var researcher = await Fixture.ResearcherAsync();
        var studyId = await researcher.OpenStudyWithVideosAsync(new StudyBuilder { TrialsPerParticipant = 4 }.Build() with { CompletionUrl = null }, prompts: 4);
        var (_, participant, player) = await StartAsync(studyId, "several-trials");
        // Slow down the first trial only: the next one shows fresh controls, and must play at the speed they show.
        await participant.ChooseSpeedAsync("0.5");

        var states = new List<PlayerState>();
        for (var trial = 0; trial < 4; trial++)
        {
            states.Add(await player.WhenUnlockedAsync());
            await participant.AnswerWithKeyAsync("ArrowLeft");
        }

        await Assertions.Expect(participant.CompletionCode).ToHaveTextAsync("C1A2B3");
        foreach (var state in states) Output.WriteLine(state.ToString());
        states.Should().AllSatisfy(s =>
        {
            s.FrameCallbacks.Should().Be(1, "one sync loop runs; none is left over from an earlier trial");
            s.MostEndings.Should().Be(1, "the answers unlock when the first play-through ends, not a loop later");
            s.Rates.Should().OnlyContain(r => r >= 0.69 * s.Speed && r <= 1.31 * s.Speed, "the videos play at the speed the selector shows");
        });
        states.Skip(1).Select(s => s.Speed).Should().AllBeEquivalentTo(1.0);
        (await Fixture.SessionOfAsync(studyId, "several-trials")).Judgments.Should().HaveCount(4);
    }

    [Fact]
    public async Task A_rating_trial_unlocks_after_one_play_through_and_S_or_F_answers_it()
    {
        var researcher = await Fixture.ResearcherAsync();
        var studyId = await researcher.OpenStudyWithVideosAsync((StudyBuilder.Rating() with { TrialsPerParticipant = 2 }).Build() with { CompletionUrl = null }, prompts: 1);
        var (_, participant, player) = await StartAsync(studyId, "rating-keys");

        var states = new List<PlayerState>();
        foreach (var key in new[] { "s", "F" })
        {
            states.Add(await player.WhenUnlockedAsync());
            await participant.AnswerWithKeyAsync(key);
        }

        await Assertions.Expect(participant.CompletionCode).ToHaveTextAsync("C1A2B3");
        states.Should().AllSatisfy(s => s.MostEndings.Should().Be(1));
        var session = await Fixture.SessionOfAsync(studyId, "rating-keys");
        session.Judgments.Select(j => j.Choice).Should().Equal(Choice.Success, Choice.Failure);
    }

    [Fact]
    public async Task Frame_step_moves_one_frame_of_the_video_whether_the_server_or_the_playback_told_its_frame_rate()
    {
        var researcher = await Fixture.ResearcherAsync();
        // The test clips run at 10 fps: one frame is 100 ms, far from the 1/30 s or 1/25 s a fixed step would take.
        var studyId = await researcher.OpenStudyWithVideosAsync(StudyBuilder.Rating().Build() with { TrialsPerParticipant = 1 }, prompts: 1);
        var (page, participant, player) = await StartAsync(studyId, "frame-stepper");
        await Assertions.Expect(participant.Trial.Locator("video")).ToHaveAttributeAsync("data-frame-rate", "10");
        await player.WhenUnlockedAsync();
        // From frame 2 (0.2 s to 0.3 s) on, so no step reaches the end of the one-second clip.
        await page.EvaluateAsync("() => { const p = document.querySelector('[data-testid=trial]').player; p.pause(); p.seek(0.23); }");

        var first = await participant.StepAsync(".");
        var second = await participant.StepAsync(".");
        var back = await participant.StepAsync(",");
        // Without the server's rate the player uses the frame durations it saw while playing.
        await page.EvaluateAsync("() => document.querySelectorAll('[data-testid=trial] video').forEach(v => delete v.dataset.frameRate)");
        var measured = await participant.StepAsync(".");

        first.Should().BeApproximately(0.35, 0.005, "the step lands in the middle of frame 3");
        (second - first).Should().BeApproximately(0.1, 0.005);
        (back - first).Should().BeApproximately(0, 0.005);
        (measured - first).Should().BeApproximately(0.1, 0.005);
    }

    /// <summary>A participant on a page watched by the probe, past consent and on the first trial.</summary>
    private async Task<(IPage Page, TakeStudyPage Participant, PlayerProbe Player)> StartAsync(Guid studyId, string participantId)
    {
        var page = await Fixture.NewPageAsync();
        var player = await PlayerProbe.InstallAsync(page);
        var participant = new TakeStudyPage(page);
        await participant.OpenFromProlificAsync(studyId, participantId);
        await participant.ConsentAndStartAsync();
        return (page, participant, player);
    }
}
