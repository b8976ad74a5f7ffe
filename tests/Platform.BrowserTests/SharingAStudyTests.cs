using Microsoft.Playwright;
using Platform.Accounts;
using Platform.BrowserTests.Pages;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class SharingAStudyTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task A_colleague_finds_a_study_only_while_its_owner_shares_it_on_the_study_page()
    {
        // Given Olga's study, and Bea, another researcher, signed in
        var admin = await Fixture.Factory.AdminAsync();
        await admin.CreateUserAsync("olga@platform.test", "olga-password-1", Role.Researcher);
        await admin.CreateUserAsync("bea@platform.test", "bea-password-1", Role.Researcher);
        var studyId = await (await Fixture.Factory.SignedInAsync("olga@platform.test", "olga-password-1"))
            .CreateStudyAsync(new StudyBuilder { Title = "Olga's motion study" }.Build());
        var colleague = await Fixture.NewPageAsync();
        var bea = await new SignInPage(colleague).SignInAsync("bea@platform.test", "bea-password-1");

        // Then Bea does not see it listed, and its address shows the not-found page, even when reached inside the app
        await bea.OpenAsync("Studies");
        await Assertions.Expect(colleague.Locator("[data-testid=studies]")).Not.ToContainTextAsync("Olga's motion study");
        await colleague.EvaluateAsync("url => Blazor.navigateTo(url)", $"/studies/{studyId}");
        await Assertions.Expect(colleague.GetByText("There is nothing at this address")).ToBeVisibleAsync();
        await Assertions.Expect(colleague.GetByText("Olga's motion study")).ToHaveCountAsync(0);

        // When Olga shares it with Bea on the study page
        var owner = await Fixture.NewPageAsync();
        await new SignInPage(owner).SignInAsync("olga@platform.test", "olga-password-1");
        await owner.GotoAsync($"/studies/{studyId}");
        await new ShellPage(owner).WaitUntilInteractiveAsync();
        var sharing = new SharingSection(owner);
        await Assertions.Expect(sharing.Owner).ToContainTextAsync("olga@platform.test");
        await sharing.ShareWithAsync("bea", "bea@platform.test");

        // Then Bea finds it in her list, marked as shared with her, and opens it
        await colleague.GotoAsync("/studies");
        var row = colleague.Locator("[data-testid=studies] tr").Filter(new() { HasText = "Olga's motion study" });
        await Assertions.Expect(row).ToContainTextAsync("shared with you");
        await new ShellPage(colleague).WaitUntilInteractiveAsync();
        await row.GetByRole(AriaRole.Link, new() { Name = "Olga's motion study" }).ClickAsync();
        await Assertions.Expect(colleague.GetByRole(AriaRole.Heading, new() { Name = "Olga's motion study", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(new SharingSection(colleague).SharedWith).ToContainTextAsync("bea@platform.test");

        // When Olga stops sharing it, Bea's open page gives way to the not-found page (the gate checks again every 10 s)
        await sharing.UnshareAsync("bea@platform.test");
        await Assertions.Expect(colleague.GetByText("There is nothing at this address")).ToBeVisibleAsync(new() { Timeout = 25_000 });
        await Assertions.Expect(colleague.GetByRole(AriaRole.Heading, new() { Name = "Olga's motion study" })).ToHaveCountAsync(0);
    }
}
