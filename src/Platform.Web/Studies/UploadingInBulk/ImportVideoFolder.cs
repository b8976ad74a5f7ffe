using Hangfire;
using Marten;
using Platform.Common;
using Platform.Studies;
using Platform.Web.Hosting;

namespace Platform.Web.Studies;

/// <summary>
/// Imports a folder under <c>Videos:ImportRoot</c> (by default the captions' import root, else the data directory's
/// <c>imports/</c>) into a study, as one Hangfire job with progress: the mapping is checked when asked (a 422 naming
/// each problem, nothing stored) and again when the job runs; each file is then stored as a bulk upload would store it.
/// Safe to run again: what is stored already is counted and skipped; a refused file is listed and the rest go on.
/// The folder rules are <see cref="ServerFolders"/>'.
/// </summary>
public sealed class ImportVideoFolder(IDocumentStore store, BulkUploads bulk, Storage storage, IConfiguration configuration, IBackgroundJobClient jobs, TimeProvider clock)
{
    /// <summary>A manifest or prompts list holds a line per video: megabytes at most.</summary>
    public const int MaxListBytes = 16 * 1024 * 1024;

    public string Root => Path.GetFullPath(configuration["Videos:ImportRoot"] is { Length: > 0 } root ? root
        : configuration["Captions:ImportRoot"] is { Length: > 0 } captions ? captions
        : Path.Combine(storage.Root, "imports"));

    public async Task<VideoFolderImport> StartAsync(Guid studyId, VideoFolderImportRequest request, Guid by, CancellationToken cancellationToken)
    {
        var (relative, folder) = ServerFolders.Resolve(Root, request.Folder);
        var plan = await PlanAsync(studyId, folder, request, cancellationToken);
        if (!plan.IsReady) throw BulkUploads.Refused(plan.Problems, plan.BadLines);
        var import = new VideoFolderImport
        {
            Id = Guid.NewGuid(),
            StudyId = studyId,
            Folder = relative,
            Manifest = request.Manifest,
            Pattern = request.Pattern,
            Prompts = request.Prompts,
            By = by,
            RequestedAt = clock.GetUtcNow(),
            Total = plan.Videos.Count,
        };
        await using var session = store.LightweightSession();
        session.Store(import);
        await session.SaveChangesAsync(cancellationToken);
        jobs.Enqueue<ImportVideoFolder>(j => j.RunAsync(import.Id, CancellationToken.None));
        return import;
    }

    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(Guid importId, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var import = await session.LoadAsync<VideoFolderImport>(importId, cancellationToken);
        if (import is null || import.Finished) return;
        (import.Done, import.Stored, import.AlreadyThere) = (0, 0, 0);
        import.Failures.Clear();
        import.Problems.Clear();
        try
        {
            // Resolved and mapped again: a folder swapped for a link, or files changed, since the request are seen now.
            var folder = ServerFolders.Resolve(Root, import.Folder).Path;
            var plan = await PlanAsync(import.StudyId, folder, new VideoFolderImportRequest(import.Folder, import.Manifest, import.Pattern, import.Prompts), cancellationToken);
            if (!plan.IsReady)
            {
                import.Problems.AddRange(plan.Problems.Select(p => p.ToString()));
            }
            else
            {
                import.Failures.AddRange(Links(folder));
                import.Total = plan.Videos.Count;
                foreach (var video in plan.Videos)
                {
                    await ImportOneAsync(import, folder, video, cancellationToken);
                    import.Done++;
                    session.Store(import);
                    await session.SaveChangesAsync(cancellationToken);
                }
            }
        }
        catch (DomainException refused)
        {
            import.Problems.Add(refused.Message);
        }
        import.FinishedAt = clock.GetUtcNow();
        session.Store(import);
        await session.SaveChangesAsync(cancellationToken);
    }

    private async Task ImportOneAsync(VideoFolderImport import, string folder, BulkVideo video, CancellationToken cancellationToken)
    {
        BulkFileResult result;
        try
        {
            await using var content = File.OpenRead(Path.Combine([folder, .. video.File.Split('/')]));
            result = await bulk.AddOneAsync(import.StudyId, video, content, import.By, cancellationToken);
        }
        catch (IOException unreadable)
        {
            // One unreadable file must not stop the folder: it is listed, the rest go on.
            result = new BulkFileResult(video.File, BulkOutcome.Refused, null, unreadable.Message.Replace(folder, "", StringComparison.Ordinal));
        }
        switch (result.Outcome)
        {
            case BulkOutcome.Stored: import.Stored++; break;
            case BulkOutcome.AlreadyThere: import.AlreadyThere++; break;
            default: import.Failures.Add(new BulkFailure(video.File, result.Reason ?? "refused")); break;
        }
    }

    private async Task<BulkPlan> PlanAsync(Guid studyId, string folder, VideoFolderImportRequest request, CancellationToken cancellationToken)
    {
        var manifest = request.Manifest is { Length: > 0 } m ? await ReadListAsync(folder, m, "manifest", cancellationToken) : null;
        var prompts = request.Prompts is { Length: > 0 } p ? await ReadListAsync(folder, p, "prompts list", cancellationToken) : null;
        var files = ServerFolders.Files(folder).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).ToList();
        return await bulk.PreviewAsync(studyId, new BulkRequest(files, manifest, string.IsNullOrWhiteSpace(request.Pattern) ? null : request.Pattern, prompts), cancellationToken);
    }

    private static async Task<string> ReadListAsync(string folder, string relative, string what, CancellationToken cancellationToken)
    {
        var example = what == "manifest" ? "manifest.csv" : "prompts.csv";
        if (relative.Contains('\n', StringComparison.Ordinal) || relative.Contains('\r', StringComparison.Ordinal))
            throw new DomainException($"The {what} is the name of a CSV file in the folder (such as {example}), not its content; '{Shown(relative)}' was given.", DomainError.Unprocessable);
        string path;
        try
        {
            path = ServerFolders.File(folder, relative, what);
        }
        catch (DomainException missing) when (missing.Kind == DomainError.NotFound)
        {
            throw new DomainException($"There is no {what} '{Shown(relative)}' in the folder; give the name of a CSV file in it (such as {example}).", DomainError.NotFound);
        }
        if (new FileInfo(path).Length > MaxListBytes)
            throw new DomainException($"The {what} is larger than {MaxListBytes / 1048576} MiB.", DomainError.Unprocessable);
        return await File.ReadAllTextAsync(path, cancellationToken);
    }

    /// <summary>What a request named, as far as a message echoes it: its first 80 characters, on one line.</summary>
    private static string Shown(string text)
    {
        const int Max = 80;
        var line = text.ReplaceLineEndings(" ");
        return line.Length > Max ? line[..Max] + "…" : line;
    }

    /// <summary>
    /// Video files in the folder that are links: not imported (a link could lead anywhere on the server), but listed
    /// with the reason rather than left out unsaid. Folders that are links are not entered.
    /// </summary>
    private static IEnumerable<BulkFailure> Links(string folder)
    {
        var folders = Directory.EnumerateDirectories(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }).Prepend(folder);
        return folders
            .SelectMany(f => Directory.EnumerateFiles(f, "*", new EnumerationOptions { AttributesToSkip = 0 }))
            .Where(f => new FileInfo(f).LinkTarget is not null && BulkMapping.IsVideo(f))
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(f => new BulkFailure(f, "the file is a link; only real files in the folder are imported (a link could lead anywhere on the server)"));
    }
}
