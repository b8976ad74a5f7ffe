using System.Globalization;
using Microsoft.Playwright;
using Platform.BrowserTests.Pages;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class TakingAStudyTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task A_prolific_participant_answers_every_trial_with_the_keyboard_and_gets_the_completion_code()
    {
        var researcher = await Fixture.ResearcherAsync();
        var settings = new StudyBuilder { TrialsPerParticipant = 3, JudgmentsPerTrial = 2 }.Build() with { CompletionUrl = null };
        var studyId = await researcher.OpenStudyWithVideosAsync(settings, prompts: 3);
        var page = await Fixture.NewPageAsync();
        var participant = new TakeStudyPage(page);

        await participant.OpenFromProlificAsync(studyId, "prolific-abc123");
        await participant.ConsentAndStartAsync();
        await Screenshots.TakeAsync(page, "participant-trial");
        string[] keys = ["ArrowLeft", "ArrowDown", "3"];
        foreach (var key in keys)
            await participant.AnswerWithKeyAsync(key);

        await Assertions.Expect(participant.CompletionCode).ToHaveTextAsync("C1A2B3");
        await Screenshots.TakeAsync(page, "participant-completion");
        var session = await Fixture.SessionOfAsync(studyId, "prolific-abc123");
        session.Judgments.Select(j => j.Choice.ToString()).Should().Equal("Left", "Same", "Right");
        session.Completed.Should().BeTrue();
    }

    [Fact]
    public async Task After_the_last_answer_the_code_shows_and_the_participant_is_sent_to_the_completion_url()
    {
        var researcher = await Fixture.ResearcherAsync();
        var completionUrl = $"{Fixture.BaseUrl}/not-found?cc=C1A2B3";
        var studyId = await researcher.OpenStudyWithVideosAsync(new StudyBuilder { TrialsPerParticipant = 1 }.Build() with { CompletionUrl = completionUrl }, prompts: 1);
        var page = await Fixture.NewPageAsync();
        var participant = new TakeStudyPage(page);
        await participant.OpenFromProlificAsync(studyId, "redirected-participant");
        await participant.ConsentAndStartAsync();

        await participant.AnswerWithKeyAsync("ArrowLeft");

        await Assertions.Expect(participant.CompletionCode).ToHaveTextAsync("C1A2B3");
        await page.WaitForURLAsync(completionUrl);
    }

    [Fact]
    public async Task Reloading_in_the_middle_resumes_at_the_next_unfinished_trial()
    {
        var researcher = await Fixture.ResearcherAsync();
        var studyId = await researcher.OpenStudyWithVideosAsync(new StudyBuilder { TrialsPerParticipant = 2 }.Build(), prompts: 2);
        var page = await Fixture.NewPageAsync();
        var participant = new TakeStudyPage(page);
        await participant.OpenFromProlificAsync(studyId, "reloading-participant");
        await participant.ConsentAndStartAsync();
        await participant.AnswerWithKeyAsync("ArrowRight");
        var second = await participant.Trial.GetAttributeAsync("data-trial");

        await participant.OpenFromProlificAsync(studyId, "reloading-participant");

        await Assertions.Expect(participant.Trial).ToHaveAttributeAsync("data-trial", second!);
        await Assertions.Expect(page.Locator("[data-testid=progress]")).ToHaveTextAsync("Trial 2 of 2");
    }

    [Fact]
    public async Task A_public_link_without_an_id_gets_one_in_the_address_and_a_reload_keeps_it()
    {
        var researcher = await Fixture.ResearcherAsync();
        var studyId = await researcher.OpenStudyWithVideosAsync(new StudyBuilder { TrialsPerParticipant = 2 }.Build(), prompts: 2);
        var page = await Fixture.NewPageAsync();
        var participant = new TakeStudyPage(page);

        await page.GotoAsync($"/take/{studyId}");
        await participant.ConsentAndStartAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("participant=[0-9a-f]{32}"));
        var trial = await participant.Trial.GetAttributeAsync("data-trial");
        await page.ReloadAsync();

        await Assertions.Expect(participant.Trial).ToHaveAttributeAsync("data-trial", trial!);
    }

    [Fact]
    public async Task A_copied_link_with_prolifics_placeholder_says_so_instead_of_starting()
    {
        var researcher = await Fixture.ResearcherAsync();
        var studyId = await researcher.OpenStudyWithVideosAsync(new StudyBuilder().Build(), prompts: 1);
        var page = await Fixture.NewPageAsync();

        await page.GotoAsync($"/take/{studyId}?PROLIFIC_PID={{{{%PROLIFIC_PID%}}}}&STUDY_ID=x&SESSION_ID=y");

        await Assertions.Expect(page.Locator("[data-testid=participant-message]")).ToContainTextAsync("placeholder");
        await Assertions.Expect(page.Locator("[data-testid=start]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_two_videos_stay_within_two_frames_of_each_other_after_play_and_after_a_seek()
    {
        var researcher = await Fixture.ResearcherAsync();
        var studyId = await researcher.CreateStudyAsync(new StudyBuilder { TrialsPerParticipant = 1 }.Build());
        const int fps = 25;
        foreach (var (condition, hue) in new[] { ("base-model", 10), ("ours-simdrop", 90) })
        {
            var clip = await TestVideos.ClipAsync(hue, seconds: 4, width: 320, height: 240, fps: fps);
            (await researcher.UploadAsync(studyId, clip, condition, "a sync benchmark clip")).EnsureSuccessStatusCode();
        }
        await researcher.WaitForVideosAsync(studyId);
        (await researcher.PostAsync($"/api/studies/{studyId}/open", null)).EnsureSuccessStatusCode();
        var page = await Fixture.NewPageAsync();
        var participant = new TakeStudyPage(page);
        await participant.OpenFromProlificAsync(studyId, "sync-benchmark");
        await participant.ConsentAndStartAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=trial]').player && !document.querySelector('video').paused");

        var afterPlay = await SampleDriftAsync(page, samples: 30);
        await page.EvaluateAsync("() => { const p = document.querySelector('[data-testid=trial]').player; p.seek(2.0); return p.play(); }");
        var afterSeek = await SampleDriftAsync(page, samples: 30);

        var frame = 1.0 / fps;
        var p95Play = Percentile(afterPlay, 0.95);
        var p95Seek = Percentile(afterSeek, 0.95);
        Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"drift p95 after play: {p95Play * 1000:0.0} ms, after seek: {p95Seek * 1000:0.0} ms (two frames: {2 * frame * 1000:0} ms)"));
        p95Play.Should().BeLessThan(2 * frame);
        p95Seek.Should().BeLessThan(2 * frame);
    }


    private static async Task<List<double>> SampleDriftAsync(IPage page, int samples)
    {
        var drifts = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            await page.WaitForTimeoutAsync(100);
            drifts.Add(await page.EvaluateAsync<double>("() => document.querySelector('[data-testid=trial]').player.drift()"));
        }
        return drifts;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
    }
}
