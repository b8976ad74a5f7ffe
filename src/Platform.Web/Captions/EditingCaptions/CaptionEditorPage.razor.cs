using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;
using Platform.Accounts;
using Platform.Captions;
using Platform.Common;
using Platform.Web.Accounts;

namespace Platform.Web.Captions;

/// <summary>
/// The annotator's editor (video with frame stepping beside tags and text, diffs, warnings, autosave two seconds after
/// the last change, shortcuts) and the reviewer's accept / reject. Every change is a revision on the video's stream; a
/// save made on an old version shows both texts instead of overwriting. The text itself is kept by the browser
/// (<see cref="BrowserText"/>): a save reads it from there, and a save that fails is shown and tried again.
/// </summary>
public sealed partial class CaptionEditorPage
{
    private static readonly TimeSpan AutosaveAfter = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    [Parameter] public Guid Id { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private CaptionView? _view;
    private CaptionPermissions? _permissions;
    private string _baseline = ""; // the text when this caption was opened: "the previous revision" for its diff
    private IReadOnlyDictionary<Guid, string> _names = new Dictionary<Guid, string>();
    private readonly BrowserText _text = new();
    private ElementTags _tags = new();
    private bool _tagsUnsaved, _saving, _canEdit, _canReview;
    private string? _saveProblem;
    private int _failures;
    private Guid _me;
    private CaptionConflictException? _conflict;
    private ElementReference _video, _textarea;
    private IJSObjectReference? _module, _shortcuts;
    private bool _disposed;
    private readonly SemaphoreSlim _oneSave = new(1, 1);
    private DotNetObjectReference<CaptionEditorPage>? _self;
    private Timer? _autosave;

    private bool Editable => _canEdit && _view is { Status: not CaptionStatus.Submitted } && _conflict is null;

    private bool Unsaved => _text.Unsaved || _tagsUnsaved;

    protected override async Task OnParametersSetAsync()
    {
        if (_view?.VideoId == Id) return; // the same caption: what is typed stays as it is
        // Back / forward between captions reuses this page: what was typed on the last one is saved there first.
        if (_view is not null && Unsaved) await SaveAsync(auto: true);
        var user = (await AuthenticationState).User;
        (_me, _canEdit, _canReview) = (user.RequiredUserId(), user.IsInRole(Roles.Annotator), user.IsInRole(Roles.Reviewer));
        _names = await Queues.NamesAsync(CancellationToken.None);
        await LoadAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_module is not null || _view is null || _disposed) return;
        _module = await JS.InvokeAsync<IJSObjectReference>("import", "./caption-editor.js");
        _self = DotNetObjectReference.Create(this);
        _shortcuts = await _module.InvokeAsync<IJSObjectReference>("shortcuts", _self);
        await _text.AttachAsync(_module, _textarea, _self, _view.Text);
        StateHasChanged();
    }

    private async Task LoadAsync()
    {
        try
        {
            await ShowAsync(await Desk.ViewAsync(Id, CancellationToken.None), replaceText: true);
            _baseline = _view!.Text;
        }
        catch (DomainException missing)
        {
            Snackbar.Add(missing.Message, Severity.Error);
            Navigation.NavigateTo("/captions");
        }
    }

    /// <param name="replaceText">Whether the view's text goes into the textarea (a new caption, a restored revision), or the text there stays.</param>
    private async Task ShowAsync(CaptionView view, bool replaceText)
    {
        (_view, _tags, _tagsUnsaved, _conflict) = (view, view.Tags, false, null);
        if (replaceText) await _text.ReplaceAsync(view.Text);
        _permissions = await Desk.PermissionsAsync(view.VideoId, _me, CancellationToken.None);
    }

    // While typing, the warnings follow the text on screen, not the last saved one.
    private IReadOnlyList<CaptionWarning> Warnings() => _view is null ? [] :
        Unsaved ? CaptionWarnings.For(_text.Text, _tags, _view.Sidecar, _view.SpecialTags) : _view.Warnings;

    private string SaveState() => _saving ? "saving…" : _saveProblem is not null ? "not saved" : Unsaved ? "not saved yet" : "saved";

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
            if (!Editable || _view is null) return false;
            var (text, seq) = await _text.CurrentAsync();
            if (!Unsaved) return true;
            (_saving, var tags) = (true, _tags);
            if (!_disposed) StateHasChanged();
            var saved = await Desk.ReviseAsync(_view.VideoId, text, tags, _view.Version, _me, CancellationToken.None);
            var newerTags = ReferenceEquals(_tags, tags) ? null : _tags; // changed while the save was on its way
            await ShowAsync(saved, replaceText: false);
            if (newerTags is not null) (_tags, _tagsUnsaved) = (newerTags, true);
            _text.Saved(seq);
            (_saveProblem, _failures) = (null, 0);
            if (!auto) Snackbar.Add("Saved.", Severity.Success);
            return true;
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

    private async Task KeepMineAsync()
    {
        var (current, myTags) = (_conflict!.Current, _conflict.YourTags);
        await ShowAsync(current, replaceText: false);
        if (myTags is not null) (_tags, _tagsUnsaved) = (myTags, true);
        _text.Unsave(); // the textarea still holds mine: saved on the version just shown
        await SaveAsync();
    }

    private Task TakeTheirsAsync() => ShowAsync(_conflict!.Current, replaceText: true);

    private async Task SubmitAsync()
    {
        if (!Editable) return;
        await _text.CurrentAsync(freeze: true); // nothing typed from here on can miss the submitted text
        try
        {
            if (!await SaveAsync()) return;
            await StepAsync(() => Desk.SubmitAsync(_view!.VideoId, _me, _view.Version, CancellationToken.None), "Submitted for review.");
        }
        finally
        {
            if (Editable) await _text.UnfreezeAsync();
        }
    }

    private Task AcceptAsync() => StepAsync(() => Desk.AcceptAsync(_view!.VideoId, _me, _view.Version, CancellationToken.None), "Accepted: this is now the caption of record.");

    private Task RejectAsync(string comment) => StepAsync(() => Desk.RejectAsync(_view!.VideoId, comment, _me, _view.Version, CancellationToken.None), "Rejected; it goes back to its author.");

    private async Task RestoreAsync(Guid revisionId)
    {
        if (!await SaveAsync()) return;
        await StepAsync(() => Desk.RestoreAsync(_view!.VideoId, revisionId, _me, _view.Version, CancellationToken.None), "Restored as a new draft.", replaceText: true);
    }

    private async Task StepAsync(Func<Task<CaptionView>> step, string done, bool replaceText = false)
    {
        try
        {
            await ShowAsync(await step(), replaceText);
            Snackbar.Add(done, Severity.Success);
        }
        catch (DomainException refused)
        {
            Snackbar.Add(refused.Message, Severity.Error);
        }
    }

    private async Task NextAsync()
    {
        if (Unsaved && !await SaveAsync()) return;
        var next = await Queues.NextForAnnotatorAsync(_me, Id, CancellationToken.None);
        if (next is { } id) Navigation.NavigateTo($"/captions/{id}");
        else Snackbar.Add("Your queue is empty.", Severity.Info);
    }

    private async Task StepAsync(int frames)
    {
        var fps = _view?.Fps ?? 25;
        if (_module is not null) await _module.InvokeVoidAsync("step", _video, frames / fps);
    }

    private async Task ToggleAsync()
    {
        if (_module is not null) await _module.InvokeVoidAsync("toggle", _video);
    }

    [JSInvokable]
    public async Task ShortcutAsync(string action)
    {
        switch (action)
        {
            case "save": await SaveAsync(); break;
            case "submit": await SubmitAsync(); break;
            case "next": if (_canEdit) await NextAsync(); break;
            case "back": await StepAsync(-1); break;
            case "forward": await StepAsync(1); break;
        }
        StateHasChanged();
    }

    public async ValueTask DisposeAsync()
    {
        _autosave?.Dispose();
        // Leaving the page keeps what was typed since the last autosave.
        if (Unsaved && Editable) await SaveAsync(auto: true);
        _disposed = true;
        _autosave?.Dispose();
        await _text.DisposeAsync();
        try
        {
            if (_shortcuts is not null)
            {
                await _shortcuts.InvokeVoidAsync("dispose");
                await _shortcuts.DisposeAsync();
            }
            if (_module is not null) await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the page's listeners with it.
        }
        _self?.Dispose();
        _oneSave.Dispose();
    }
}
