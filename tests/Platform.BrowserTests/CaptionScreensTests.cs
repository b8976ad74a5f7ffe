using Microsoft.Playwright;
using Platform.Accounts;
using Platform.BrowserTests.Pages;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.BrowserTests;

/// <summary>The caption screens fit a 1366×768 laptop, and offer only what the person may do, saying why not.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CaptionScreensTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task A_reviewer_is_not_offered_accept_on_their_own_revision_and_sees_why_while_another_reviewer_is_and_nothing_overflows_at_1366_px()
    {
        var researcher = await Fixture.ResearcherAsync();
        var video = await researcher.ImportedAsync(hue: 740);
        var (both, other) = (await SignedInAsync("both", Role.Annotator, Role.Reviewer), await SignedInAsync("other", Role.Reviewer));
        var author = new CaptionEditor(both);

        await author.OpenAsync(video.VideoId);
        await author.AddTagAsync("motion", "windmill");
        await author.WriteAsync("[synthetic] A breakdancer does an uprock and a windmill, then a freeze, in a grey studio while the camera spins.");
        await author.SubmitAsync();
        await Assertions.Expect(author.Status).ToHaveTextAsync("Submitted");
        await Assertions.Expect(author.ReviewBlocked).ToContainTextAsync("own revision");
        await Assertions.Expect(author.Accept).ToHaveCountAsync(0);
        await Assertions.Expect(author.Reject).ToHaveCountAsync(0);
        await ShouldNotOverflowAsync(both, "the author's editor");

        var reviewer = new CaptionEditor(other);
        await reviewer.OpenAsync(video.VideoId);
        await Assertions.Expect(reviewer.Accept).ToBeEnabledAsync();
        await Assertions.Expect(reviewer.ReviewBlocked).ToHaveCountAsync(0);
        await ShouldNotOverflowAsync(other, "the reviewer's editor");
        await reviewer.RejectAsync("");
        await Assertions.Expect(other.GetByText("Write why, for its author")).ToBeVisibleAsync();
        await Assertions.Expect(reviewer.Status).ToHaveTextAsync("Submitted");
        await reviewer.AcceptAsync();
        await Assertions.Expect(reviewer.Status).ToHaveTextAsync("Accepted");

        await author.OpenAsync(video.VideoId);
        await Assertions.Expect(author.Submit).ToBeDisabledAsync();
        await Assertions.Expect(author.SubmitBlocked).ToContainTextAsync("accepted");
        await author.Text.PressAsync("End");
        await author.TypeAsync(" It ends there.");
        await Assertions.Expect(author.Submit).ToBeEnabledAsync();
        await Assertions.Expect(author.SubmitBlocked).ToHaveCountAsync(0);

        foreach (var path in new[] { "/captions", "/reviews" })
        {
            await other.GotoAsync(path);
            await other.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            await ShouldNotOverflowAsync(other, path);
        }
    }

    private async Task<IPage> SignedInAsync(string name, params Role[] roles)
    {
        var email = $"{name}.{Guid.NewGuid():N}@platform.test";
        await (await Fixture.Factory.AdminAsync()).CreateUserAsync(email, "screens-password", roles);
        var page = await Fixture.NewPageAsync(Screens.Laptop);
        await new SignInPage(page).SignInAsync(email, "screens-password");
        return page;
    }

    private static async Task ShouldNotOverflowAsync(IPage page, string what)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth, document.body.scrollWidth]");
        widths[0].Should().BeLessThanOrEqualTo(widths[1], $"{what} does not scroll sideways at 1366 px (document)");
        widths[2].Should().BeLessThanOrEqualTo(widths[1], $"{what} does not scroll sideways at 1366 px (body)");
    }
}
