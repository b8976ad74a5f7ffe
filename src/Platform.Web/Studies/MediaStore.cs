using System.Security.Cryptography;
using Marten;
using Platform.Web.Hosting;
using Platform.Web.Hosting.Database;

namespace Platform.Web.Studies;

/// <summary>A stored file, served at /media/{Id}. The id is random: it says nothing of the study, condition or file name.</summary>
public sealed class MediaFile
{
    public string Id { get; set; } = string.Empty;
    public string Sha256 { get; set; } = string.Empty;
    public string RelativePath { get; set; } = string.Empty;
    public string ContentType { get; set; } = string.Empty;
    public long Bytes { get; set; }
}

/// <summary>A finished file to keep: its path (moved away when kept), the extension it is stored under and its type.</summary>
public sealed record NewMediaFile(string Path, string Extension, string ContentType);

/// <summary>Keeps files content-addressed (SHA-256) under the data directory: written elsewhere, then renamed into place.</summary>
public sealed class MediaStore(Storage storage, IDocumentStore store, PlatformDatabase database)
{
    // One lock for every process: putting files in place, saving what refers to them and taking back what nothing
    // refers to happen under it, so two imports of the same bytes never delete each other's file.
    private static readonly long LockKey = AdvisoryLocks.Key64(new Guid("6d2c1b8e-0c8f-4f5e-9a61-4c3b2f7a9e10"));

    /// <summary>
    /// Puts the files in place and runs <paramref name="record"/>, which saves the documents and events that refer to
    /// them and says whether it did. When it did not (or threw), the files this call put in place go again, unless a
    /// saved document refers to the same content.
    /// </summary>
    public async Task<bool> ImportAsync(IReadOnlyList<NewMediaFile> files, Func<IReadOnlyList<MediaFile>, Task<bool>> record, CancellationToken cancellationToken)
    {
        await using var locked = await AdvisoryLocks.HoldAsync(database.ConnectionString, LockKey, wait: true, cancellationToken);
        var placed = new List<MediaFile>();
        var recorded = false;
        try
        {
            var imported = new List<MediaFile>();
            foreach (var file in files)
            {
                var (stored, isNew) = await PlaceAsync(file, cancellationToken);
                imported.Add(stored);
                if (isNew) placed.Add(stored);
            }
            recorded = await record(imported);
            return recorded;
        }
        finally
        {
            if (!recorded) await RemoveUnreferencedAsync(placed);
        }
    }

    public string PathOf(MediaFile file) => Path.Combine(storage.Media, file.RelativePath);

    /// <summary>A file's SHA-256 in lower-case hex: the name media are stored under, and how an upload is recognised.</summary>
    public static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    /// <returns>The file's document (not saved yet), and whether this call put the file in place (false: the same
    /// content was there already).</returns>
    private async Task<(MediaFile File, bool IsNew)> PlaceAsync(NewMediaFile file, CancellationToken cancellationToken)
    {
        var sha = await HashAsync(file.Path, cancellationToken);
        var relative = Path.Combine(sha[..2], sha + file.Extension);
        var target = Path.Combine(storage.Media, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var isNew = !File.Exists(target);
        if (isNew) File.Move(file.Path, target);
        else File.Delete(file.Path);
        return (new MediaFile
        {
            Id = NewId(),
            Sha256 = sha,
            RelativePath = relative,
            ContentType = file.ContentType,
            Bytes = new FileInfo(target).Length,
        }, isNew);
    }

    private async Task RemoveUnreferencedAsync(List<MediaFile> placed)
    {
        if (placed.Count == 0) return;
        await using var session = store.QuerySession();
        foreach (var file in placed)
        {
            if (!await session.Query<MediaFile>().AnyAsync(m => m.RelativePath == file.RelativePath))
                File.Delete(PathOf(file));
        }
    }

    private static string NewId() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
}
