namespace Platform.Web.Studies;

/// <summary>A server folder to import into a study: its videos mapped by a manifest in it, or by a pattern and a prompts list in it.</summary>
/// <param name="Folder">Relative to the import root (<c>Videos:ImportRoot</c>).</param>
/// <param name="Manifest">The manifest's path inside the folder (e.g. <c>manifest.csv</c>).</param>
/// <param name="Prompts">The prompts list's path inside the folder, with <paramref name="Pattern"/>.</param>
public sealed record VideoFolderImportRequest(string Folder, string? Manifest = null, string? Pattern = null, string? Prompts = null);

public sealed record BulkFailure(string File, string Reason);

/// <summary>A server-folder import of candidate videos and its progress (one document, updated as files are done).</summary>
public sealed class VideoFolderImport
{
    public Guid Id { get; set; }
    public Guid StudyId { get; set; }
    /// <summary>Relative to the import root: the server's own paths are never shown.</summary>
    public string Folder { get; set; } = "";
    public string? Manifest { get; set; }
    public string? Pattern { get; set; }
    public string? Prompts { get; set; }
    public Guid By { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public int Total { get; set; }
    public int Done { get; set; }
    public int Stored { get; set; }
    public int AlreadyThere { get; set; }
    public List<BulkFailure> Failures { get; set; } = [];
    /// <summary>Why nothing was imported when the job ran (the folder changed since the request): each problem, nothing stored.</summary>
    public List<string> Problems { get; set; } = [];
    public DateTimeOffset? FinishedAt { get; set; }
    public bool Finished => FinishedAt is not null;
}
