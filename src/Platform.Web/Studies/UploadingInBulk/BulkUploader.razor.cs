using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using Platform.Studies;

namespace Platform.Web.Studies;

/// <summary>Choosing what to upload: the lists, the files or a folder, and the preview mapped from them.</summary>
public partial class BulkUploader
{
    private async Task<(string?, string?)> ReadListAsync(IBrowserFile file)
    {
        _error = null;
        try
        {
            using var reader = new StreamReader(file.OpenReadStream(MaxListBytes));
            var text = await reader.ReadToEndAsync();
            _results.Clear();
            return (text, file.Name);
        }
        catch (IOException tooLarge)
        {
            _error = $"{file.Name} could not be read: {tooLarge.Message}";
            return (null, null);
        }
        finally
        {
            Remap();
        }
    }

    private void FilesChosenAsync(InputFileChangeEventArgs e) => Choose([.. e.GetMultipleFiles(MaxFiles).Select(f => (f.Name, f))]);

    private async Task FolderChosenAsync(InputFileChangeEventArgs e)
    {
        var files = e.GetMultipleFiles(MaxFiles);
        _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./Studies/UploadingInBulk/BulkUploader.razor.js");
        var paths = await _module.InvokeAsync<string[]>("relativePaths", "input[data-bulk=folder]");
        // Paths that do not line up with the files (another browser's order) would map files to the wrong folders.
        var lineUp = paths.Length == files.Count && files.Select((f, i) => paths[i] == f.Name || paths[i].EndsWith("/" + f.Name, StringComparison.Ordinal)).All(fits => fits);
        Choose([.. files.Select((f, i) => (lineUp ? paths[i] : f.Name, f))]);
        if (!lineUp) _error = "The browser did not say which sub-folder each file is in; the files are mapped by their names alone.";
    }

    private void Choose(List<(string Path, IBrowserFile File)> files)
    {
        _files = files;
        _results.Clear();
        _error = null;
        // A manifest in the chosen folder is taken when none was chosen on its own.
        if (_mode == BulkMode.Manifest && _manifest is null && files.Count(f => f.Path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) == 1)
            _ = TakeManifestFromFolderAsync(files.Single(f => f.Path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).File);
        Remap();
    }

    private async Task TakeManifestFromFolderAsync(IBrowserFile file)
    {
        (_manifest, _manifestName) = await ReadListAsync(file);
        await InvokeAsync(StateHasChanged);
    }

    /// <summary>The preview, computed again on every change: the mapping is a pure function of what is chosen.</summary>
    private void Remap()
    {
        if (_running) return;
        if (_files.Count == 0 && _manifest is null && _prompts is null)
        {
            _plan = null;
            return;
        }
        _plan = BulkMapping.Map(Study, _mode == BulkMode.Manifest
            ? new BulkRequest([.. _files.Select(f => f.Path)], _manifest ?? string.Empty)
            : new BulkRequest([.. _files.Select(f => f.Path)], null, _pattern, _prompts), _stored);
    }
}
