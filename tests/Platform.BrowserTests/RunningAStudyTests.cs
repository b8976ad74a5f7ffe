using Microsoft.Playwright;
using Platform.BrowserTests.Pages;
using Platform.Testing;

namespace Platform.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class RunningAStudyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_researcher_creates_a_study_uploads_videos_opens_it_and_watches_the_counts_grow()
    {
        var page = await fixture.NewPageAsync();
        var shell = await new SignInPage(page).SignInAsync(PlatformFactory.AdminEmail, PlatformFactory.AdminPassword);
        await shell.OpenAsync("Studies");
        var studies = new StudyPages(page);

        var studyId = await studies.CreatePairwiseStudyAsync("Dance collapse, UI test", "UI-CODE-1");
        await studies.UploadAsync("base", "a dancer spins", await TestVideos.ClipAsync(hue: 11));
        await studies.UploadAsync("ours", "a dancer spins", await TestVideos.ClipAsync(hue: 22));
        await Assertions.Expect(studies.Count("videos-ready")).ToHaveTextAsync("2", new() { Timeout = 30_000 });
        await Assertions.Expect(studies.Count("trials")).ToHaveTextAsync("1");
        await studies.OpenStudyAsync();
        var link = await studies.ParticipantLinkAsync();
        await Screenshots.TakeAsync(page, "researcher-study");

        link.Should().Contain($"/take/{studyId}?PROLIFIC_PID={{{{%PROLIFIC_PID%}}}}");
        var participant = new TakeStudyPage(await fixture.NewPageAsync());
        await participant.OpenFromProlificAsync(studyId, "ui-participant");
        await participant.ConsentAndStartAsync();
        await participant.AnswerWithKeyAsync("ArrowLeft");

        await Assertions.Expect(studies.Count("judgments")).ToHaveTextAsync("1", new() { Timeout = 15_000 });
        await Assertions.Expect(studies.Count("participants")).ToHaveTextAsync("1");
    }
}
