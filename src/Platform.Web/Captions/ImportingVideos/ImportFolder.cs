using System.Security.Cryptography;
using Hangfire;
using Marten;
using Platform.Common;
using Platform.Hosting;

namespace Platform.Captions;

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
            string sha;
            await using (var file = File.OpenRead(video))
                sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
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
        // Links are skipped: a link under the import root could point anywhere on the server.
        [.. Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Where(f => VideoExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Select(f => (Video: f, Sidecar: Path.ChangeExtension(f, ".json")))
            .Where(p => File.Exists(p.Sidecar) && new FileInfo(p.Sidecar).LinkTarget is null)
            .OrderBy(p => p.Video, StringComparer.Ordinal)];

    /// <summary>
    /// Only folders under the import root: a researcher must not make the server read anything else. The folder is a
    /// relative path without <c>..</c>, and no folder on the way from the root is a link or a mount point (either could
    /// lead anywhere);
    /// messages name paths relative to the root, never the server's own.
    /// </summary>
    private (string Relative, string Path) Resolve(string folder)
    {
        var root = Root;
        var relative = (folder ?? string.Empty).Replace('\\', '/').Trim('/');
        var parts = relative.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (Path.IsPathRooted(folder ?? string.Empty) || parts.Length == 0 || parts.Any(p => p is ".." or "." || p.Trim().Length == 0))
            throw new DomainException("Name a folder under the import root, relative to it (not the root itself, no leading '/', no '..').", DomainError.Unprocessable);
        var path = root;
        var mounts = ImportMounts.Current();
        foreach (var part in parts)
        {
            path = Path.Combine(path, part);
            if (!Directory.Exists(path))
                throw new DomainException($"There is no folder '{relative}' under the import root.", DomainError.NotFound);
            if (new DirectoryInfo(path).LinkTarget is not null)
                throw new DomainException($"'{Path.GetRelativePath(root, path)}' is a link; only real folders under the import root can be imported.", DomainError.Unprocessable);
            if (ImportMounts.IsMountPoint(path, mounts))
                throw new DomainException($"'{Path.GetRelativePath(root, path)}' is a mount point; only folders of the import root's own file system can be imported.", DomainError.Unprocessable);
        }
        if (!Directory.Exists(path))
            throw new DomainException("There is no import root folder yet; an operator makes it (Captions:ImportRoot).", DomainError.NotFound);
        return (string.Join('/', parts), path);
    }
}
