using System.Net.Http.Json;
using Microsoft.Playwright;
using Platform.BrowserTests.Pages;
using Platform.Testing;
using Platform.Web.Studies;
using Xunit.Abstractions;

namespace Platform.BrowserTests;

/// <summary>A researcher tries their own study link: every kind of trial, and nothing recorded.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PreviewingTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task A_researcher_previews_every_trial_including_a_gold_one_and_nothing_is_recorded()
    {
        var researcher = await Fixture.ResearcherAsync();
        var studyId = await researcher.OpenStudyWithVideosAsync(new StudyBuilder { TrialsPerParticipant = 3, GoldRate = 0.34 }.Build(), prompts: 3);
        var page = await Fixture.NewPageAsync();
        await new SignInPage(page).SignInAsync(PlatformFactory.AdminEmail, PlatformFactory.AdminPassword);
        var preview = new TakeStudyPage(page);

        await page.GotoAsync($"/take/{studyId}?preview=1");
        await page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.Locator("[data-testid=preview-banner]")).ToContainTextAsync("Nothing you answer is recorded");
        await page.Locator("[data-testid=start]").ClickAsync();
        var notes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            await preview.Trial.WaitForAsync();
            notes.Add(await page.Locator("[data-testid=preview-note]").InnerTextAsync());
            await preview.AnswerWithKeyAsync("ArrowLeft");
        }

        await Assertions.Expect(page.Locator("[data-testid=preview-finished]")).ToContainTextAsync("Nothing was recorded");
        notes.Should().ContainSingle(n => n.Contains("Attention check")).And.Contain(n => n.Contains("prompt"));
        var study = (await researcher.GetFromJsonAsync<StudyDetails>($"/api/studies/{studyId}", ApiClient.Json))!;
        (study.Counts.Sessions, study.Counts.Judgments).Should().Be((0, 0), "a preview stores no session and no answer");
    }

    [Fact]
    public async Task A_participant_who_adds_preview_to_the_link_gets_no_preview()
    {
        var researcher = await Fixture.ResearcherAsync();
        var studyId = await researcher.OpenStudyWithVideosAsync(new StudyBuilder().Build(), prompts: 1);
        var page = await Fixture.NewPageAsync();

        await page.GotoAsync($"/take/{studyId}?PROLIFIC_PID=curious&preview=1");

        await Assertions.Expect(page.Locator("[data-testid=participant-message]")).ToContainTextAsync("for the study's researchers");
        await Assertions.Expect(page.Locator("[data-testid=trial]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=start]")).ToHaveCountAsync(0);
    }
}
