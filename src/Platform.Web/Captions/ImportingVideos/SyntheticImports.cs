using Marten;
using Platform.Captions;
using Platform.Common;
using Platform.Web.Hosting;
using Platform.Web.Studies;

namespace Platform.Web.Captions;

/// <summary>
/// Adds a synthetic video and its sidecar to the catalog: the sidecar is checked against its schema and the video
/// with ffprobe before anything is kept; the original is stored content-addressed (its SHA-256 is its identity, so
/// a file is imported once) with a poster frame; the caption's first draft is composed from the tags.
/// </summary>
public sealed class SyntheticImports(IDocumentStore store, Storage storage, MediaStore media, CaptionSettingsStore settings, VideoTools tools, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _catalogWrites = new(1, 1);

    public VideoLimits Limits => tools.Limits;

    /// <returns>The new entry; null when a video with the same content is already in the catalog.</returns>
    public async Task<SyntheticVideo?> ImportAsync(Stream video, string fileName, string sidecarJson, Guid by, CancellationToken cancellationToken)
    {
        var sidecar = ReadSidecar(sidecarJson);
        var work = Path.Combine(storage.Uploads, $"synthetic-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            var original = Path.Combine(work, "original" + Extension(fileName));
            var sha = await SaveAsync(video, original, cancellationToken);
            var videoId = IdOf(sha);
            // A file already in the catalog is not probed again: a second bulk import of a folder is quick.
            if (await ExistsAsync(videoId, cancellationToken)) return null;
            await VideoProbe.CheckAsync(original, tools, cancellationToken);
            var poster = await TakePosterAsync(original, work, cancellationToken);
            var templates = await settings.TemplatesAsync(cancellationToken);
            var saved = await media.ImportAsync([new(original, Extension(fileName), ContentType(fileName)), new(poster, ".jpg", "image/jpeg")], async stored =>
            {
                var (storedVideo, storedPoster) = (stored[0], stored[1]);
                var composed = CaptionComposer.Compose(sidecar, templates);
                var events = ImportingVideo.Handle(
                    new ImportVideo(videoId, sha, fileName, storedVideo.Bytes, storedVideo.Id, storedPoster.Id, sidecar, by),
                    composed.FineGrained, composed.Generic, composed.SpecialTags, clock.GetUtcNow());
                return await StartStreamAsync(videoId, [storedVideo, storedPoster], events, cancellationToken);
            }, cancellationToken);
            return saved ? await LoadAsync(videoId, cancellationToken) : null;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static Sidecar ReadSidecar(string sidecarJson)
    {
        var reading = SidecarReader.Read(sidecarJson);
        if (reading.IsValid) return reading.Sidecar!;
        var problems = reading.Problems.Select(p => p.Field.Length == 0 ? p.Message : $"{p.Field}: {p.Message}").ToList();
        throw new DomainException($"The sidecar does not match the format: {problems[0]}", DomainError.Unprocessable) { Details = problems };
    }

    /// <returns>The file's SHA-256, in lower-case hex.</returns>
    private async Task<string> SaveAsync(Stream video, string original, CancellationToken cancellationToken)
    {
        await using (var file = File.Create(original))
            await VideoUploads.CopyWithLimitAsync(video, file, Limits.MaxUploadBytes, cancellationToken);
        return await MediaStore.HashAsync(original, cancellationToken);
    }

    private async Task<string> TakePosterAsync(string original, string work, CancellationToken cancellationToken)
    {
        var poster = Path.Combine(work, "poster.jpg");
        var posterMade = await tools.RunAsync(tools.Input(original)
            .OutputToFile(poster, overwrite: true, o => o.WithFrameCount(1).WithCustomArgument("-q:v 3").WithCustomArgument(tools.Threads)),
            "take a poster frame from the video", cancellationToken);
        if (!posterMade.Success || !File.Exists(poster))
            throw new DomainException("ffmpeg could not take a poster frame from this video.", DomainError.Unprocessable);
        return poster;
    }

    /// <returns>Whether the video's stream was started here (false: the same file got there first).</returns>
    private async Task<bool> StartStreamAsync(Guid videoId, MediaFile[] files, object[] events, CancellationToken cancellationToken)
    {
        // The same file imported twice at once (a second selection, a second tab) is stored once: the second
        // finds the first here instead of colliding with it on the stream's key.
        await _catalogWrites.WaitAsync(cancellationToken);
        try
        {
            if (await ExistsAsync(videoId, cancellationToken)) return false;
            await using var session = store.LightweightSession();
            session.Store(files);
            session.Events.StartStream<SyntheticVideo>(videoId, events);
            await session.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (JasperFx.Events.ExistingStreamIdCollisionException)
        {
            return false; // the same file, imported at the same moment by another process
        }
        finally
        {
            _catalogWrites.Release();
        }
    }

    public void Dispose() => _catalogWrites.Dispose();

    /// <summary>A video's id follows from its content, so the same file can only be imported once.</summary>
    public static Guid IdOf(string sha256) => StableId.From("synthetic-video", sha256);

    public async Task<bool> ExistsAsync(Guid videoId, CancellationToken cancellationToken)
    {
        await using var query = store.QuerySession();
        return await query.LoadAsync<SyntheticVideo>(videoId, cancellationToken) is not null;
    }

    private async Task<SyntheticVideo?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<SyntheticVideo>(id, cancellationToken);
    }

    private static string ContentType(string fileName) => Extension(fileName) switch
    {
        ".webm" => "video/webm",
        ".mov" => "video/quicktime",
        ".mkv" => "video/x-matroska",
        _ => "video/mp4",
    };

    private static string Extension(string fileName) =>
        Path.GetExtension(fileName) is { Length: > 1 and < 8 } extension ? extension.ToLowerInvariant() : ".mp4";
}
