using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;
using Platform.Accounts;
using Platform.Common;

namespace Platform.Captions;

/// <summary>
/// The annotator's editor (video with frame stepping beside tags and text, diffs, warnings, autosave two seconds after
/// the last change, shortcuts) and the reviewer's accept / reject. Every change is a revision on the video's stream; a
/// save made on an old version shows both texts instead of overwriting.
/// </summary>
public sealed partial class CaptionEditorPage
{
    private static readonly TimeSpan AutosaveAfter = TimeSpan.FromSeconds(2);

    [Parameter] public Guid Id { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private CaptionView? _view;
    private string _baseline = ""; // the text when this caption was opened: "the previous revision" for its diff
    private IReadOnlyDictionary<Guid, string> _names = new Dictionary<Guid, string>();
    private string _text = "";
    private ElementTags _tags = new();
    private string? _comment;
    private bool _dirty, _saving, _canEdit, _canReview;
    private Guid _me;
    private CaptionConflictException? _conflict;
    private ElementReference _video;
    private IJSObjectReference? _module, _shortcuts;
    private bool _jsStarted, _disposed;
    private readonly SemaphoreSlim _oneSave = new(1, 1);
    private DotNetObjectReference<CaptionEditorPage>? _self;
    private Timer? _autosave;

    private bool Editable => _canEdit && _view is { Status: not CaptionStatus.Submitted } && _conflict is null;

    protected override async Task OnParametersSetAsync()
    {
        // Back / forward between captions reuses this page: what was typed on the last one is saved there first.
        if (_view is not null && _view.VideoId != Id && _dirty) await SaveAsync(auto: true);
        var user = (await AuthenticationState).User;
        (_me, _canEdit, _canReview) = (user.RequiredUserId(), user.IsInRole(Roles.Annotator), user.IsInRole(Roles.Reviewer));
        _names = await Queues.NamesAsync(CancellationToken.None);
        await LoadAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_jsStarted || _view is null) return;
        _jsStarted = true;
        _module = await JS.InvokeAsync<IJSObjectReference>("import", "./caption-editor.js");
        _self = DotNetObjectReference.Create(this);
        _shortcuts = await _module.InvokeAsync<IJSObjectReference>("shortcuts", _self);
    }

    private async Task LoadAsync()
    {
        try
        {
            Show(await Desk.ViewAsync(Id, CancellationToken.None));
            _baseline = _view!.Text;
        }
        catch (DomainException missing)
        {
            Snackbar.Add(missing.Message, Severity.Error);
            Navigation.NavigateTo("/captions");
        }
    }

    private void Show(CaptionView view)
    {
        (_view, _text, _tags, _dirty, _conflict) = (view, view.Text, view.Tags, false, null);
    }

    // While typing, the warnings follow the text on screen, not the last saved one.
    private IReadOnlyList<CaptionWarning> Warnings() => _view is null ? [] :
        _dirty ? CaptionWarnings.For(_text, _tags, _view.Sidecar, _view.SpecialTags) : _view.Warnings;

    private string PreviousText() => _baseline;

    private Task TextChangedAsync(string text)
    {
        _text = text ?? "";
        return ChangedAsync();
    }

    private Task TagsChangedAsync(ElementTags tags)
    {
        _tags = tags;
        return ChangedAsync();
    }

    private Task ChangedAsync()
    {
        _dirty = true;
        _autosave?.Dispose();
        _autosave = new Timer(_ => InvokeAsync(() => SaveAsync(auto: true)), null, AutosaveAfter, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    /// <summary>
    /// One save at a time (autosave, Ctrl+S and submit share it). Text typed while a save is on its way stays on screen
    /// and unsaved; only the version moves on.
    /// </summary>
    private async Task<bool> SaveAsync(bool auto = false)
    {
        _autosave?.Dispose();
        await _oneSave.WaitAsync();
        try
        {
            if (!Editable || _view is null) return false;
            if (!_dirty) return true;
            _saving = true;
            var (text, tags, videoId) = (_text, _tags, _view.VideoId);
            var saved = await Desk.ReviseAsync(videoId, text, tags, _view.Version, _me, CancellationToken.None);
            if (_text == text && ReferenceEquals(_tags, tags)) Show(saved);
            else _view = saved; // typed on meanwhile: keep it, still unsaved
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
            Snackbar.Add(refused.Message, Severity.Error);
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
        var (mine, myTags) = (_conflict!.Yours, _conflict.YourTags);
        Show(_conflict.Current);
        _text = mine;
        if (myTags is not null) _tags = myTags;
        _dirty = true;
        await SaveAsync();
    }

    private void TakeTheirs() => Show(_conflict!.Current);

    private async Task SubmitAsync()
    {
        if (!await SaveAsync()) return;
        await StepAsync(() => Desk.SubmitAsync(_view!.VideoId, _me, _view.Version, CancellationToken.None), "Submitted for review.");
    }

    private Task AcceptAsync() => StepAsync(() => Desk.AcceptAsync(_view!.VideoId, _me, _view.Version, CancellationToken.None), "Accepted: this is now the caption of record.");

    private Task RejectAsync() => StepAsync(() => Desk.RejectAsync(_view!.VideoId, _comment ?? "", _me, _view.Version, CancellationToken.None), "Rejected; it goes back to its author.");

    private async Task RestoreAsync(Guid revisionId)
    {
        if (!await SaveAsync()) return;
        await StepAsync(() => Desk.RestoreAsync(_view!.VideoId, revisionId, _me, _view.Version, CancellationToken.None), "Restored as a new draft.");
    }

    private async Task StepAsync(Func<Task<CaptionView>> step, string done)
    {
        try
        {
            Show(await step());
            Snackbar.Add(done, Severity.Success);
        }
        catch (DomainException refused)
        {
            Snackbar.Add(refused.Message, Severity.Error);
        }
    }

    private async Task NextAsync()
    {
        if (_dirty && !await SaveAsync()) return;
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
            case "submit": if (Editable) await SubmitAsync(); break;
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
        if (_dirty && Editable) await SaveAsync(auto: true);
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
        _disposed = true;
        _self?.Dispose();
        _oneSave.Dispose();
    }
}
