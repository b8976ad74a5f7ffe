namespace Platform.Web.Captions;

public sealed record ImportFailure(string File, string Reason);

/// <summary>A bulk import of a server-side folder and its progress (one document, updated as files are done).</summary>
public sealed class FolderImport
{
    public Guid Id { get; set; }
    /// <summary>Relative to the import root: the server's own paths are never shown.</summary>
    public string Folder { get; set; } = "";
    public Guid By { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public int Total { get; set; }
    public int Done { get; set; }
    public int Imported { get; set; }
    public int AlreadyThere { get; set; }
    public List<ImportFailure> Failures { get; set; } = [];
    public DateTimeOffset? FinishedAt { get; set; }
    public bool Finished => FinishedAt is not null;
}
