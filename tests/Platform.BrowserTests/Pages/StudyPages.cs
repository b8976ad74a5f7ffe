using Microsoft.Playwright;

namespace Platform.BrowserTests.Pages;

/// <summary>The researcher's study pages: the editor, and a study's own page with uploads, lifecycle and counts.</summary>
public sealed class StudyPages(IPage page)
{
    public async Task<Guid> CreatePairwiseStudyAsync(string title, string completionCode)
    {
        await page.Locator("[data-testid=new-study]").ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "New study" }).WaitForAsync();
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Title participants see").FillAsync("Which video looks more natural?");
        await page.GetByLabel("Completion code").FillAsync(completionCode);
        await page.Locator("[data-testid=save-study]").ClickAsync();
        await page.Locator("[data-testid=participant-link]").WaitForAsync();
        return Guid.Parse(page.Url.Split('/')[^1]);
    }

    public async Task UploadAsync(string condition, string prompt, params string[] files)
    {
        await page.Locator("[data-testid=upload-condition]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = $"({condition})" }).ClickAsync();
        await page.GetByLabel("Prompt the video was generated from").FillAsync(prompt);
        await page.Locator("input[type=file]").Last.SetInputFilesAsync(files);
        await Assertions.Expect(page.Locator("[data-testid=upload-row]").First).ToContainTextAsync("Uploaded");
    }

    public ILocator Count(string testId) => page.Locator($"[data-testid={testId}-value]");

    public async Task OpenStudyAsync()
    {
        await page.Locator("[data-testid=open-study]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=study-status]")).ToHaveTextAsync("Open");
    }

    public Task<string> ParticipantLinkAsync() => page.GetByLabel("Participant link (paste into Prolific)").InputValueAsync();
}
