using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Platform.Common;
using Platform.Web.Accounts;

namespace Platform.Web.Captions;

/// <summary>
/// Videos with their sidecars chosen in the browser, imported one after another. Every selection gets a file input of
/// its own that stays on the page (hidden) until its videos are imported, so choosing more files while an import runs
/// queues them instead of taking the running import's files away; progress shows from the moment files are chosen.
/// </summary>
public sealed partial class CatalogImport
{
    private const int MaxFiles = 200;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [Parameter] public EventCallback Imported { get; set; }

    private sealed class Input(int key)
    {
        public int Key { get; } = key;

        /// <summary>The files chosen with this input; null while it is the picker.</summary>
        public IReadOnlyList<IBrowserFile>? Batch { get; set; }
    }

    private readonly List<Input> _inputs = [new(0)];
    private readonly List<(bool Ok, string Text)> _results = [];
    private Task? _running;
    private string _progress = "";
    private int _done, _total, _lastKey;
    private string? _folder;

    private bool Busy => _running is not null;

    /// <summary>Selections waiting behind the one being imported.</summary>
    private int Waiting => Math.Max(0, _inputs.Count(i => i.Batch is not null) - 1);

    private void Chosen(Input input, InputFileChangeEventArgs e)
    {
        if (input.Batch is not null) return;
        if (!Busy) _results.Clear();
        input.Batch = e.FileCount > MaxFiles ? [] : e.GetMultipleFiles(MaxFiles);
        if (e.FileCount > MaxFiles) _results.Add((false, $"{e.FileCount} files were chosen; at most {MaxFiles} go in one selection. Nothing of that selection was imported."));
        _inputs.Add(new Input(++_lastKey)); // a fresh picker; this input keeps its files
        if (!Busy) _progress = "Starting the import…";
        _running ??= RunAsync();
    }

    /// <summary>Imports the waiting selections in the order they were chosen, until none is left.</summary>
    private async Task RunAsync()
    {
        try
        {
            var me = (await AuthenticationState).User.RequiredUserId();
            while (_inputs.FirstOrDefault(i => i.Batch is not null) is { } input)
            {
                await ImportAsync(input.Batch!, me);
                _inputs.Remove(input);
                StateHasChanged();
            }
        }
        finally
        {
            _running = null;
        }
        await Imported.InvokeAsync();
        StateHasChanged();
    }

    private async Task ImportAsync(IReadOnlyList<IBrowserFile> files, Guid me)
    {
        static bool IsSidecar(IBrowserFile f) => f.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        var sidecars = files.Where(IsSidecar).GroupBy(f => Path.GetFileNameWithoutExtension(f.Name), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var videos = files.Where(f => !IsSidecar(f)).ToList();
        (_done, _total) = (0, videos.Count);
        if (videos.Count == 0) _results.Add((false, "No video was chosen, only sidecars: choose each video with its .json."));
        foreach (var video in videos)
        {
            _progress = $"Importing {video.Name} ({_done + 1} of {_total})…";
            StateHasChanged();
            _results.Add(await ImportOneAsync(video, sidecars, me));
            _done++;
        }
    }

    private async Task<(bool Ok, string Text)> ImportOneAsync(IBrowserFile video, Dictionary<string, IBrowserFile> sidecars, Guid me)
    {
        var name = Path.GetFileNameWithoutExtension(video.Name);
        if (!sidecars.TryGetValue(name, out var sidecarFile))
            return (false, $"{video.Name}: no sidecar {name}.json was chosen with it; nothing imported.");
        try
        {
            using var reader = new StreamReader(sidecarFile.OpenReadStream(1024 * 1024));
            var sidecar = await reader.ReadToEndAsync();
            await using var content = video.OpenReadStream(Imports.Limits.MaxUploadBytes);
            var imported = await Imports.ImportAsync(content, video.Name, sidecar, me, CancellationToken.None);
            return (true, imported is null ? $"{video.Name}: already in the catalog." : $"{video.Name}: imported.");
        }
        catch (DomainException refused)
        {
            return (false, $"{video.Name}: {(refused.Details.Count > 0 ? string.Join("; ", refused.Details) : refused.Message)}");
        }
        catch (Exception failed) when (failed is not OperationCanceledException)
        {
            return (false, $"{video.Name}: {failed.Message}");
        }
    }

    private async Task ImportFolderAsync()
    {
        var me = (await AuthenticationState).User.RequiredUserId();
        try
        {
            var import = await Folders.StartAsync(_folder!, me, CancellationToken.None);
            _results.Add((true, $"Importing {import.Total} videos from {import.Folder} in the background; refresh to see them arrive."));
        }
        catch (DomainException refused)
        {
            _results.Add((false, refused.Message));
        }
    }
}
