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
    private Guid _me;
    private CaptionConflictException? _conflict;
    private ElementReference _video, _textarea;
    private readonly EditorScript _script = new();
    private bool _disposed;
    private DotNetObjectReference<CaptionEditorPage>? _self;

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
        if (_script.Loaded || _view is null || _disposed) return;
        _self = DotNetObjectReference.Create(this);
        var module = await _script.LoadAsync(JS, _self);
        await _text.AttachAsync(module, _textarea, _self, _view.Text);
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


    private async Task SubmitAsync()
    {
        if (!Editable) return;
        await _text.CurrentAsync(freeze: true); // nothing typed from here on can miss the submitted text
        try
        {
            if (!await SaveAsync()) return;
            await StepAsync(() => Editing.SubmitAsync(_view!.VideoId, _me, _view.Version, CancellationToken.None), "Submitted for review.");
        }
        finally
        {
            if (Editable) await _text.UnfreezeAsync();
        }
    }

    private Task AcceptAsync() => StepAsync(() => Review.AcceptAsync(_view!.VideoId, _me, _view.Version, CancellationToken.None), "Accepted: this is now the caption of record.");

    private Task RejectAsync(string comment) => StepAsync(() => Review.RejectAsync(_view!.VideoId, comment, _me, _view.Version, CancellationToken.None), "Rejected; it goes back to its author.");

    private async Task RestoreAsync(Guid revisionId)
    {
        if (!await SaveAsync()) return;
        await StepAsync(() => Editing.RestoreAsync(_view!.VideoId, revisionId, _me, _view.Version, CancellationToken.None), "Restored as a new draft.", replaceText: true);
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
        await _script.StepAsync(_video, frames / fps);
    }

    private Task ToggleAsync() => _script.ToggleAsync(_video);

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
        await _script.DisposeAsync();
        _self?.Dispose();
        _oneSave.Dispose();
    }
}
