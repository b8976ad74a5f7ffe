using Microsoft.JSInterop;
using MudBlazor;
using Platform.Captions;
using Platform.Common;

namespace Platform.Web.Captions;

// The editor's saving: typed text and tags saved two seconds after the last change, one save at a time, a failure
// retried with a growing pause, and a conflict shown with both texts.
public sealed partial class CaptionEditorPage
{
    private static readonly TimeSpan AutosaveAfter = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _oneSave = new(1, 1);
    private Timer? _autosave;
    private int _failures;

    /// <summary>The browser reports the text after a change; an older report than one already here is ignored.</summary>
    [JSInvokable]
    public Task TextChangedAsync(string text, long seq)
    {
        if (_disposed || !_text.Changed(text ?? "", seq)) return Task.CompletedTask;
        ScheduleAutosave(AutosaveAfter);
        StateHasChanged();
        return Task.CompletedTask;
    }

    private Task TagsChangedAsync(ElementTags tags)
    {
        (_tags, _tagsUnsaved) = (tags, true);
        ScheduleAutosave(AutosaveAfter);
        return Task.CompletedTask;
    }

    private void ScheduleAutosave(TimeSpan after)
    {
        if (_disposed) return;
        _autosave?.Dispose();
        _autosave = new Timer(_ => _ = InvokeAsync(AutosaveAsync), null, after, Timeout.InfiniteTimeSpan);
    }

    private async Task AutosaveAsync()
    {
        try
        {
            await SaveAsync(auto: true);
        }
        catch (Exception) when (_disposed)
        {
            // The page went away meanwhile; its own disposal saved what there was.
        }
    }

    /// <summary>
    /// One save at a time (autosave, Ctrl+S and submit share it), of the text in the browser at that moment. Text typed
    /// while a save is on its way stays in the browser, unsaved, for the next one. A failure is shown and tried again.
    /// </summary>
    private async Task<bool> SaveAsync(bool auto = false)
    {
        _autosave?.Dispose();
        await _oneSave.WaitAsync();
        try
        {
            return await SaveOnceAsync(auto);
        }
        catch (CaptionConflictException conflict)
        {
            _conflict = conflict;
            return false;
        }
        catch (DomainException refused)
        {
            // The text as it is cannot be saved (too long, empty): it stays here until it is changed.
            _saveProblem = $"Not saved: {refused.Message}";
            if (!auto) Snackbar.Add(refused.Message, Severity.Error);
            return false;
        }
        catch (Exception failed) when (failed is not OperationCanceledException && !_disposed)
        {
            var wait = TimeSpan.FromSeconds(Math.Min(LongestRetry.TotalSeconds, Math.Pow(2, ++_failures)));
            _saveProblem = $"Not saved: the server did not take it ({failed.GetType().Name}). Trying again in {wait.TotalSeconds:0} s; your text stays here.";
            ScheduleAutosave(wait);
            return false;
        }
        finally
        {
            _saving = false;
            _oneSave.Release();
            if (!_disposed) StateHasChanged();
        }
    }

    private async Task<bool> SaveOnceAsync(bool auto)
    {
        if (!Editable || _view is null) return false;
        var (text, seq) = await _text.CurrentAsync();
        if (!Unsaved) return true;
        (_saving, var tags) = (true, _tags);
        if (!_disposed) StateHasChanged();
        var saved = await Editing.ReviseAsync(_view.VideoId, text, tags, _view.Version, _me, CancellationToken.None);
        var newerTags = ReferenceEquals(_tags, tags) ? null : _tags; // changed while the save was on its way
        await ShowAsync(saved, replaceText: false);
        if (newerTags is not null) (_tags, _tagsUnsaved) = (newerTags, true);
        _text.Saved(seq);
        (_saveProblem, _failures) = (null, 0);
        if (!auto) Snackbar.Add("Saved.", Severity.Success);
        return true;
    }

    private async Task KeepMineAsync()
    {
        var (current, myTags) = (_conflict!.Current, _conflict.YourTags);
        await ShowAsync(current, replaceText: false);
        if (myTags is not null) (_tags, _tagsUnsaved) = (myTags, true);
        _text.Unsave(); // the textarea still holds mine: saved on the version just shown
        await SaveAsync();
    }

    private Task TakeTheirsAsync() => ShowAsync(_conflict!.Current, replaceText: true);
}
