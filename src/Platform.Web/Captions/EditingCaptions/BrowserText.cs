using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Platform.Web.Captions;

/// <summary>
/// The caption's text as the browser holds it (caption-editor.js): the server learns each change with a sequence
/// number and reads the textarea itself before it saves, and writes it only to replace the whole text. A stale call
/// (a lower number) is ignored, so nothing typed is overwritten by an older render or a late message.
/// </summary>
internal sealed class BrowserText : IAsyncDisposable
{
    private IJSObjectReference? _handle;

    /// <summary>The latest text the browser reported, and its number.</summary>
    public string Text { get; private set; } = "";

    public long Seq { get; private set; }

    /// <summary>The number of the text that is saved (or was loaded): below <see cref="Seq"/>, there is unsaved text.</summary>
    public long SavedSeq { get; private set; }

    public bool Attached => _handle is not null;

    public bool Unsaved => Seq > SavedSeq;

    public async Task AttachAsync<T>(IJSObjectReference module, ElementReference textarea, DotNetObjectReference<T> editor, string text) where T : class
    {
        _handle = await module.InvokeAsync<IJSObjectReference>("text", textarea, editor, text);
        (Text, Seq, SavedSeq) = (text, 0, 0);
    }

    /// <returns>False for a stale report (an older number than one already known).</returns>
    public bool Changed(string text, long seq)
    {
        if (seq <= Seq) return false;
        (Text, Seq) = (text, seq);
        return true;
    }

    /// <summary>The text in the textarea now; with <paramref name="freeze"/> nothing more can be typed until <see cref="UnfreezeAsync"/>.</summary>
    public async Task<(string Text, long Seq)> CurrentAsync(bool freeze = false)
    {
        if (_handle is null) return (Text, Seq);
        try
        {
            var now = await _handle.InvokeAsync<Snapshot>("current", freeze);
            Changed(now.Text, now.Seq);
        }
        catch (Exception gone) when (gone is JSDisconnectedException or JSException or TaskCanceledException or ObjectDisposedException)
        {
            // The page is gone or unreachable: the last text it reported is the best there is.
        }
        return (Text, Seq);
    }

    public async Task UnfreezeAsync()
    {
        if (_handle is null) return;
        try
        {
            await _handle.InvokeVoidAsync("unlock");
        }
        catch (Exception gone) when (gone is JSDisconnectedException or JSException or TaskCanceledException or ObjectDisposedException)
        {
            // Nothing to unlock on a page that is gone.
        }
    }

    /// <summary>The text as saved up to <paramref name="seq"/>.</summary>
    public void Saved(long seq) => SavedSeq = Math.Max(SavedSeq, seq);

    /// <summary>What is in the textarea differs from what is saved (after a conflict): the next save sends it.</summary>
    public void Unsave() => SavedSeq = -1;

    /// <summary>Puts a whole new text in the textarea (another caption, a restored revision, the saved text after a conflict).</summary>
    public async Task ReplaceAsync(string text)
    {
        Text = text;
        if (_handle is null) return;
        Seq = await _handle.InvokeAsync<long>("replace", text);
        SavedSeq = Seq;
    }

    public async ValueTask DisposeAsync()
    {
        if (_handle is null) return;
        try
        {
            await _handle.InvokeVoidAsync("dispose");
            await _handle.DisposeAsync();
        }
        catch (Exception gone) when (gone is JSDisconnectedException or JSException or TaskCanceledException or ObjectDisposedException)
        {
            // The circuit is gone, and the textarea's listener with it.
        }
        _handle = null;
    }

    private sealed record Snapshot(string Text, long Seq);
}
