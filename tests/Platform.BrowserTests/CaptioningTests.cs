using System.Net.Http.Json;
using Microsoft.Playwright;
using Platform.Accounts;
using Platform.BrowserTests.Pages;
using Platform.Testing;
using Platform.Web.Captions;
using Xunit.Abstractions;

namespace Platform.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class CaptioningTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task An_annotator_revises_a_reviewer_rejects_then_accepts_and_the_export_holds_the_accepted_caption()
    {
        var researcher = await Fixture.ResearcherAsync();
        var video = await researcher.ImportedAsync(hue: 500);
        var admin = await Fixture.Factory.AdminAsync();
        var (annie, rita) = ($"annie.{Guid.NewGuid():N}@platform.test", $"rita.{Guid.NewGuid():N}@platform.test");
        await admin.CreateUserAsync(annie, "annotator-password", Role.Annotator);
        await admin.CreateUserAsync(rita, "reviewer-password", Role.Reviewer);
        var annotatorPage = await Fixture.NewPageAsync();
        await new SignInPage(annotatorPage).SignInAsync(annie, "annotator-password");
        var reviewerPage = await Fixture.NewPageAsync();
        await new SignInPage(reviewerPage).SignInAsync(rita, "reviewer-password");
        var annotator = new CaptionEditor(annotatorPage);
        var reviewer = new CaptionEditor(reviewerPage);

        await annotator.OpenAsync(video.VideoId);
        await annotator.AddTagAsync("motion", "windmill");
        await annotator.WriteAsync("[synthetic] A breakdancer does an uprock and a windmill in a studio.");
        await Assertions.Expect(annotator.Warnings).ToContainTextAsync("freeze");
        await Assertions.Expect(annotatorPage.Locator("[data-testid=diff-composed] ins").Filter(new() { HasText = "windmill" })).ToHaveCountAsync(1);
        await Screenshots.TakeAsync(annotatorPage, "annotator-caption-editor");
        await annotator.SubmitAsync();
        await Assertions.Expect(annotator.Status).ToHaveTextAsync("Submitted");

        await reviewer.OpenAsync(video.VideoId);
        await reviewer.RejectAsync("The clip ends in a freeze; name it.");
        await Assertions.Expect(reviewer.Status).ToHaveTextAsync("Rejected");

        await annotator.OpenAsync(video.VideoId);
        await Assertions.Expect(annotator.Rejection).ToContainTextAsync("ends in a freeze");
        await annotator.WriteAsync("[synthetic] A breakdancer does an uprock and a windmill, then ends in a freeze, in a studio.");
        await annotator.SubmitAsync();
        await Assertions.Expect(annotator.Status).ToHaveTextAsync("Submitted");

        await reviewer.OpenAsync(video.VideoId);
        await reviewer.AcceptAsync();
        await Assertions.Expect(reviewer.Status).ToHaveTextAsync("Accepted");

        var export = await researcher.GetStringAsync("/api/captions/export?status=accepted&format=jsonl");
        export.Should().Contain("A breakdancer does an uprock and a windmill, then ends in a freeze, in a studio.");
        var caption = await researcher.GetFromJsonAsync<CaptionView>($"/api/synthetic-videos/{video.VideoId}/caption", ApiClient.Json);
        caption!.Tags.Motion.Should().Contain("windmill");
    }
}
