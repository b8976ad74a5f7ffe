using System.Security.Cryptography;
using Marten;
using Platform.Hosting;

namespace Platform.Studies;

/// <summary>A stored file, served at /media/{Id}. The id is random: it says nothing of the study, condition or file name.</summary>
public sealed class MediaFile
{
    public string Id { get; set; } = string.Empty;
    public string Sha256 { get; set; } = string.Empty;
    public string RelativePath { get; set; } = string.Empty;
    public string ContentType { get; set; } = string.Empty;
    public long Bytes { get; set; }
}

/// <summary>Keeps files content-addressed (SHA-256) under the data directory: written elsewhere, then renamed into place.</summary>
public sealed class MediaStore(Storage storage, IDocumentStore store)
{
    public async Task<MediaFile> ImportAsync(string finishedFile, string extension, string contentType, CancellationToken cancellationToken)
    {
        string sha;
        await using (var stream = File.OpenRead(finishedFile))
            sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        var relative = Path.Combine(sha[..2], sha + extension);
        var target = Path.Combine(storage.Media, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target)) File.Delete(finishedFile);
        else File.Move(finishedFile, target);
        return new MediaFile
        {
            Id = NewId(),
            Sha256 = sha,
            RelativePath = relative,
            ContentType = contentType,
            Bytes = new FileInfo(target).Length,
        };
    }

    public string PathOf(MediaFile file) => Path.Combine(storage.Media, file.RelativePath);

    /// <summary>
    /// Takes back imports whose documents were never saved: their files go, unless a saved document refers to the same
    /// content (another video with identical bytes).
    /// </summary>
    public async Task RemoveUnrecordedAsync(IReadOnlyCollection<MediaFile> imported, CancellationToken cancellationToken)
    {
        if (imported.Count == 0) return;
        await using var session = store.QuerySession();
        foreach (var file in imported)
        {
            if (!await session.Query<MediaFile>().AnyAsync(m => m.RelativePath == file.RelativePath, cancellationToken))
                File.Delete(PathOf(file));
        }
    }

    private static string NewId() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
}
