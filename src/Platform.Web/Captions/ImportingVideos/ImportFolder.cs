using Hangfire;
using Marten;
using Platform.Common;
using Platform.Web.Hosting;
using Platform.Web.Studies;

namespace Platform.Web.Captions;

/// <summary>
/// Bulk import of a folder under <c>Captions:ImportRoot</c> (default: the data directory's <c>imports/</c>): every
/// video beside a <c>.json</c> sidecar of the same name, as one Hangfire job with progress. Safe to run again (a
/// retry resumes): files already in the catalog (same SHA-256) are counted and skipped; a bad file is listed with its
/// reason and the rest go on.
/// </summary>
public sealed class ImportFolder(IDocumentStore store, SyntheticImports imports, Storage storage, IConfiguration configuration, IBackgroundJobClient jobs, TimeProvider clock)
{
    private static readonly string[] VideoExtensions = [".mp4", ".webm", ".mov", ".mkv"];

    public string Root => Path.GetFullPath(configuration["Captions:ImportRoot"] is { Length: > 0 } root ? root : Path.Combine(storage.Root, "imports"));

    public async Task<FolderImport> StartAsync(string folder, Guid by, CancellationToken cancellationToken)
    {
        var (relative, path) = Resolve(folder);
        var import = new FolderImport { Id = Guid.NewGuid(), Folder = relative, By = by, RequestedAt = clock.GetUtcNow(), Total = Pairs(path).Count };
        await using var session = store.LightweightSession();
        session.Store(import);
        await session.SaveChangesAsync(cancellationToken);
        jobs.Enqueue<ImportFolder>(j => j.RunAsync(import.Id, CancellationToken.None));
        return import;
    }

    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(Guid importId, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var import = await session.LoadAsync<FolderImport>(importId, cancellationToken);
        if (import is null || import.Finished) return;
        // Resolved again, so a folder swapped for a link since the request is refused now too.
        var folder = Resolve(import.Folder).Path;
        var pairs = Pairs(folder);
        (import.Total, import.Done, import.Imported, import.AlreadyThere) = (pairs.Count, 0, 0, 0);
        import.Failures.Clear();
        foreach (var (video, sidecar) in pairs)
        {
            await ImportOneAsync(import, folder, video, sidecar, cancellationToken);
            import.Done++;
            session.Store(import);
            await session.SaveChangesAsync(cancellationToken);
        }
        import.FinishedAt = clock.GetUtcNow();
        session.Store(import);
        await session.SaveChangesAsync(cancellationToken);
    }

    private async Task ImportOneAsync(FolderImport import, string folder, string video, string sidecar, CancellationToken cancellationToken)
    {
        var name = Path.GetRelativePath(folder, video);
        try
        {
            var sha = await MediaStore.HashAsync(video, cancellationToken);
            if (await imports.ExistsAsync(SyntheticImports.IdOf(sha), cancellationToken))
            {
                import.AlreadyThere++;
                return;
            }
            if (new FileInfo(sidecar).Length > MaxSidecarBytes)
                throw new DomainException($"its sidecar is larger than {MaxSidecarBytes / 1024} KB.");
            await using var content = File.OpenRead(video);
            var imported = await imports.ImportAsync(content, Path.GetFileName(video), await File.ReadAllTextAsync(sidecar, cancellationToken), import.By, cancellationToken);
            if (imported is null) import.AlreadyThere++;
            else import.Imported++;
        }
        catch (DomainException refused)
        {
            import.Failures.Add(new ImportFailure(name, refused.Details.Count > 0 ? string.Join("; ", refused.Details) : refused.Message));
        }
        catch (Exception failed) when (failed is not OperationCanceledException)
        {
            // One unreadable or broken file must not stop the folder: it is listed, the rest go on.
            import.Failures.Add(new ImportFailure(name, failed.Message));
        }
    }

    /// <summary>A sidecar holds tags and render parameters: kilobytes. A larger one is refused, not read whole.</summary>
    public const int MaxSidecarBytes = 1024 * 1024;

    /// <summary>Videos with a sidecar beside them, in a stable order (so progress reads the same on a rerun).</summary>
    private static List<(string Video, string Sidecar)> Pairs(string folder) =>
        [.. ServerFolders.Files(folder)
            .Where(f => VideoExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Select(f => (Video: f, Sidecar: Path.ChangeExtension(f, ".json")))
            .Where(p => File.Exists(p.Sidecar) && new FileInfo(p.Sidecar).LinkTarget is null)];

    /// <summary>Only folders under the import root (<see cref="ServerFolders.Resolve"/>).</summary>
    private (string Relative, string Path) Resolve(string folder) => ServerFolders.Resolve(Root, folder);
}
