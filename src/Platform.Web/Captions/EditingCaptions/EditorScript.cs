using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Platform.Web.Captions;

/// <summary>The editor's script (caption-editor.js) on the page: its keyboard shortcuts and the video's frame stepping.</summary>
public sealed class EditorScript : IAsyncDisposable
{
    private IJSObjectReference? _module, _shortcuts;

    public bool Loaded => _module is not null;

    /// <summary>Loads the script and sends its shortcuts to <paramref name="editor"/>; the module goes on to the text box.</summary>
    public async Task<IJSObjectReference> LoadAsync<T>(IJSRuntime js, DotNetObjectReference<T> editor) where T : class
    {
        _module = await js.InvokeAsync<IJSObjectReference>("import", "./caption-editor.js");
        _shortcuts = await _module.InvokeAsync<IJSObjectReference>("shortcuts", editor);
        return _module;
    }

    public async Task StepAsync(ElementReference video, double seconds)
    {
        if (_module is not null) await _module.InvokeVoidAsync("step", video, seconds);
    }

    public async Task ToggleAsync(ElementReference video)
    {
        if (_module is not null) await _module.InvokeVoidAsync("toggle", video);
    }

    public async ValueTask DisposeAsync()
    {
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
    }
}
