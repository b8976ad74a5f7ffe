using Microsoft.Playwright;
using Platform.BrowserTests.Pages;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class RunningAStudyTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task A_researcher_creates_a_study_uploads_videos_opens_it_and_watches_the_counts_grow()
    {
        var page = await Fixture.NewPageAsync();
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
        var participant = new TakeStudyPage(await Fixture.NewPageAsync());
        await participant.OpenFromProlificAsync(studyId, "ui-participant");
        await participant.ConsentAndStartAsync();
        await participant.AnswerWithKeyAsync("ArrowLeft");

        await Assertions.Expect(studies.Count("judgments")).ToHaveTextAsync("1", new() { Timeout = 15_000 });
        await Assertions.Expect(studies.Count("participants")).ToHaveTextAsync("1");
    }

    [Fact]
    public async Task A_study_with_mistakes_is_marked_at_each_field_summed_up_beside_Save_and_saved_once_fixed()
    {
        var page = await Fixture.NewPageAsync();
        var shell = await new SignInPage(page).SignInAsync(PlatformFactory.AdminEmail, PlatformFactory.AdminPassword);
        await shell.OpenAsync("Studies");
        await page.Locator("[data-testid=new-study]").ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "New study" }).WaitForAsync();
        var secondKey = page.Locator("[data-testid=condition]").Nth(1).GetByLabel("Key");
        await secondKey.FillAsync("Kling 1.6");

        await page.Locator("[data-testid=save-study]").ClickAsync();

        var summary = page.Locator("[data-testid=study-error]");
        await Assertions.Expect(summary).ToContainTextAsync("a title of 1 to 200 characters");
        await Assertions.Expect(summary).ToContainTextAsync("'Kling 1.6'");
        await Assertions.Expect(page.Locator("[data-testid=condition]").Nth(1)).ToContainTextAsync("Needs a condition key 'Kling 1.6' of letters, digits");
        await Assertions.Expect(page.Locator(".mud-input-control").Filter(new() { Has = page.GetByLabel("Title", new() { Exact = true }) }))
            .ToContainTextAsync("Needs a title of 1 to 200 characters");
        var summaryBox = (await summary.BoundingBoxAsync())!;
        var saveBox = (await page.Locator("[data-testid=save-study]").BoundingBoxAsync())!;
        (saveBox.Y - (summaryBox.Y + summaryBox.Height)).Should().BeInRange(0, 40, "the summary sits right above the Save button");
        await Screenshots.TakeAsync(page, "researcher-study-form-errors");

        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Fixed at the field");
        await secondKey.FillAsync("Kling-1.6");
        await page.Locator("[data-testid=save-study]").ClickAsync();
        await page.Locator("[data-testid=participant-link]").WaitForAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fixed at the field" })).ToBeVisibleAsync();
    }
}
