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
    private IReadOnlyDictionary<Guid, string> _names = new Dictionary<Guid, string>();
    private string _text = "";
    private ElementTags _tags = new();
    private string? _comment;
    private bool _dirty, _saving, _canEdit, _canReview;
    private Guid _me;
    private CaptionConflictException? _conflict;
    private ElementReference _video;
    private IJSObjectReference? _module, _shortcuts;
    private DotNetObjectReference<CaptionEditorPage>? _self;
    private Timer? _autosave;

    private bool Editable => _canEdit && _view is { Status: not CaptionStatus.Submitted } && _conflict is null;

    protected override async Task OnParametersSetAsync()
    {
        var user = (await AuthenticationState).User;
        (_me, _canEdit, _canReview) = (user.RequiredUserId(), user.IsInRole(Roles.Annotator), user.IsInRole(Roles.Reviewer));
        _names = await Queues.NamesAsync(CancellationToken.None);
        await LoadAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_module is not null || _view is null) return;
        _module = await JS.InvokeAsync<IJSObjectReference>("import", "./caption-editor.js");
        _self = DotNetObjectReference.Create(this);
        _shortcuts = await _module.InvokeAsync<IJSObjectReference>("shortcuts", _self);
    }

    private async Task LoadAsync()
    {
        try
        {
            Show(await Desk.ViewAsync(Id, CancellationToken.None));
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

    private IReadOnlyList<CaptionWarning> Warnings() => _view is null ? [] :
        _dirty ? CaptionChecksFor(_view) : _view.Warnings;

    // While typing, the warnings follow the text on screen, not the last saved one.
    private IReadOnlyList<CaptionWarning> CaptionChecksFor(CaptionView view) =>
        CaptionWarnings.For(_text, _tags, view);

    private string PreviousText() =>
        _view is { Revisions.Count: > 1 } view ? view.Revisions[^2].Text : _view?.ComposedText ?? "";

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

    private async Task<bool> SaveAsync(bool auto = false)
    {
        if (!Editable || _view is null) return false;
        if (!_dirty) return true;
        _saving = true;
        try
        {
            Show(await Desk.ReviseAsync(Id, _text, _tags, _view.Version, _me, CancellationToken.None));
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
            StateHasChanged();
        }
    }

    private async Task KeepMineAsync()
    {
        var mine = _conflict!.Yours;
        Show(_conflict.Current);
        _text = mine;
        _dirty = true;
        await SaveAsync();
    }

    private void TakeTheirs() => Show(_conflict!.Current);

    private async Task SubmitAsync()
    {
        if (!await SaveAsync()) return;
        await StepAsync(() => Desk.SubmitAsync(Id, _me, CancellationToken.None), "Submitted for review.");
    }

    private Task AcceptAsync() => StepAsync(() => Desk.AcceptAsync(Id, _me, CancellationToken.None), "Accepted: this is now the caption of record.");

    private Task RejectAsync() => StepAsync(() => Desk.RejectAsync(Id, _comment ?? "", _me, CancellationToken.None), "Rejected; it goes back to its author.");

    private Task RestoreAsync(Guid revisionId) => StepAsync(() => Desk.RestoreAsync(Id, revisionId, _me, CancellationToken.None), "Restored as a new draft.");

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
        try
        {
            if (_shortcuts is not null) await _shortcuts.InvokeVoidAsync("dispose");
            if (_module is not null) await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the page's listeners with it.
        }
        _self?.Dispose();
    }
}
