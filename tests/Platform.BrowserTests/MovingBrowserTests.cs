using Microsoft.Playwright;
using Platform.BrowserTests.Pages;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.BrowserTests;

/// <summary>A session belongs to the browser that started it; a participant who moves device is let go by the researcher, one who stops returns it.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class MovingBrowserTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task Another_browser_with_the_same_id_is_refused_until_the_researcher_releases_the_session_then_it_carries_on()
    {
        var researcher = await Fixture.ResearcherAsync();
        var studyId = await researcher.OpenStudyWithVideosAsync(new StudyBuilder { TrialsPerParticipant = 2 }.Build(), prompts: 2);
        var first = new TakeStudyPage(await Fixture.NewPageAsync());
        await first.OpenFromProlificAsync(studyId, "moving-participant");
        await first.ConsentAndStartAsync();
        await first.AnswerWithKeyAsync("ArrowLeft");
        var pending = await first.Trial.GetAttributeAsync("data-trial");

        var secondPage = await Fixture.NewPageAsync();
        var second = new TakeStudyPage(secondPage);
        await second.OpenFromProlificAsync(studyId, "moving-participant");
        await Assertions.Expect(secondPage.Locator("[data-testid=participant-message]")).ToContainTextAsync("another browser");
        await Assertions.Expect(second.Trial).ToHaveCountAsync(0);

        var staff = await Fixture.NewPageAsync();
        await new SignInPage(staff).SignInAsync(PlatformFactory.AdminEmail, PlatformFactory.AdminPassword);
        await staff.GotoAsync($"/studies/{studyId}");
        await staff.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await staff.GetByText("A participant moved to another browser or device?").ClickAsync();
        await staff.GetByLabel("Participant id (e.g. the Prolific ID)").FillAsync("moving-participant");
        await staff.Locator("[data-testid=release-session]").ClickAsync();
        await Assertions.Expect(staff.GetByText("Released: moving-participant")).ToBeVisibleAsync();

        await second.OpenFromProlificAsync(studyId, "moving-participant");
        await Assertions.Expect(second.Trial).ToHaveAttributeAsync("data-trial", pending!);
        await Assertions.Expect(secondPage.Locator("[data-testid=progress]")).ToHaveTextAsync("Trial 2 of 2");
        await second.AnswerWithKeyAsync("ArrowRight");
        await Assertions.Expect(second.CompletionCode).ToBeVisibleAsync();
        (await Fixture.SessionOfAsync(studyId, "moving-participant")).Judgments.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_participant_who_stops_returns_the_study_and_is_told_what_to_do_on_prolific()
    {
        var researcher = await Fixture.ResearcherAsync();
        var studyId = await researcher.OpenStudyWithVideosAsync(new StudyBuilder { TrialsPerParticipant = 2 }.Build(), prompts: 2);
        var page = await Fixture.NewPageAsync();
        var participant = new TakeStudyPage(page);
        await participant.OpenFromProlificAsync(studyId, "stopping-participant");
        await participant.ConsentAndStartAsync();

        await page.Locator("[data-testid=return]").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Return the study" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=participant-message]")).ToContainTextAsync("You have returned this study");
        await Assertions.Expect(participant.Trial).ToHaveCountAsync(0);
        (await Fixture.SessionOfAsync(studyId, "stopping-participant")).Returned.Should().BeTrue();
    }
}
