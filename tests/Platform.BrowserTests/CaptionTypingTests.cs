using Microsoft.Playwright;
using Platform.Accounts;
using Platform.BrowserTests.Pages;
using Platform.Captions;
using Platform.Testing;
using Platform.Web.Captions;
using Xunit.Abstractions;

namespace Platform.BrowserTests;

/// <summary>
/// An annotator types fast (2 ms a key) and pastes while autosave runs: what the database holds afterwards is exactly
/// what was typed, character for character. Each case runs three times, on a video of its own.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CaptionTypingTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Caption =
        "[synthetic] A breakdancer in a red hoodie stands in a grey studio. The camera slowly pans left while the dancer " +
        "starts an uprock, steps side to side, drops to the floor and spins into a windmill; the legs sweep wide circles " +
        "over the shoulders. Soft light from two lamps falls on the floor, which is plain and matte, and the shadows stay " +
        "short. After the windmill the dancer ends in a freeze, one hand on the floor and the knees bent, and holds it " +
        "until the clip ends. The camera keeps its distance all along and never cuts; nothing else moves in the room.";

    [Theory]
    [InlineData(1, 601)]
    [InlineData(2, 602)]
    public async Task A_long_caption_typed_at_2_ms_a_key_while_autosave_runs_is_saved_and_submitted_character_for_character(int round, int hue)
    {
        var (page, editor, videoId, errors) = await OpenAsNewAnnotatorAsync(hue);

        await editor.SelectAllAsync();
        var pieces = Split(Caption, 4);
        for (var i = 0; i < pieces.Count; i++)
        {
            await editor.TypeAsync(pieces[i]);
            // Pause about as long as autosave waits, so that a save is on its way when the typing goes on.
            if (i < pieces.Count - 1) await page.WaitForTimeoutAsync(1900 + 200 * i);
        }

        var saved = await SavedAsync(videoId, Caption);
        Output.WriteLine($"round {round}: {saved.Revisions.Count} revisions");
        saved.Text.Should().Be(Caption);
        saved.Revisions.Count.Should().BeGreaterThan(2, "autosave saved while the typing went on, not only at its end");

        const string more = " The end.";
        await editor.TypeAsync(more);
        await page.Keyboard.PressAsync("Control+Enter");
        var submitted = await SavedAsync(videoId, Caption + more, CaptionStatus.Submitted);
        submitted.Text.Should().Be(Caption + more);
        await Assertions.Expect(editor.Status).ToHaveTextAsync("Submitted");
        errors.Should().BeEmpty("typing and saving raise nothing in the browser");
    }

    [Theory]
    [InlineData(1, 611)]
    [InlineData(2, 612)]
    public async Task Pasting_in_the_middle_of_fast_typing_loses_nothing(int round, int hue)
    {
        var (page, editor, videoId, errors) = await OpenAsNewAnnotatorAsync(hue);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var pieces = Split(Caption, 6);

        await editor.SelectAllAsync();
        var expected = "";
        for (var i = 0; i < pieces.Count; i++)
        {
            // Even pieces are typed at 2 ms a key, odd ones pasted right after, with no pause in between.
            if (i % 2 == 0) await editor.TypeAsync(pieces[i]);
            else await editor.PasteAsync(pieces[i]);
            expected += pieces[i];
            if (i == 2) await page.WaitForTimeoutAsync(2000); // an autosave starts here, and the paste goes on meanwhile
        }

        var saved = await SavedAsync(videoId, expected);
        Output.WriteLine($"round {round}: {saved.Revisions.Count} revisions");
        saved.Text.Should().Be(Caption);
        await Assertions.Expect(editor.Text).ToHaveValueAsync(Caption);
        errors.Should().BeEmpty();
    }

    /// <summary>A new annotator signed in, on a new video's editor; the list fills with what the page's console reports as errors.</summary>
    private async Task<(IPage Page, CaptionEditor Editor, Guid VideoId, List<string> Errors)> OpenAsNewAnnotatorAsync(int hue)
    {
        var researcher = await Fixture.ResearcherAsync();
        var video = await researcher.ImportedAsync(hue);
        var email = $"typist.{Guid.NewGuid():N}@platform.test";
        await (await Fixture.Factory.AdminAsync()).CreateUserAsync(email, "typist-password", Role.Annotator);
        var page = await Fixture.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") lock (errors) errors.Add(message.Text); };
        page.PageError += (_, error) => { lock (errors) errors.Add(error); };
        await new SignInPage(page).SignInAsync(email, "typist-password");
        var editor = new CaptionEditor(page);
        await editor.OpenAsync(video.VideoId);
        return (page, editor, video.VideoId, errors);
    }

    /// <summary>The caption as the database holds it, once it reads <paramref name="expected"/> (or after 20 s, whatever it holds then).</summary>
    private async Task<CaptionView> SavedAsync(Guid videoId, string expected, CaptionStatus? status = null)
    {
        var desk = Fixture.Factory.Services.GetRequiredService<CaptionDesk>();
        try
        {
            return await Eventually.ReturnsAsync(() => desk.ViewAsync(videoId, CancellationToken.None),
                view => view.Text == expected && (status is null || view.Status == status), "the caption is saved as typed", TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException)
        {
            // The caller's assertion names the difference, character for character.
            return await desk.ViewAsync(videoId, CancellationToken.None);
        }
    }

    private static List<string> Split(string text, int pieces)
    {
        var size = text.Length / pieces;
        return [.. Enumerable.Range(0, pieces).Select(i => i == pieces - 1 ? text[(i * size)..] : text.Substring(i * size, size))];
    }
}
