using System.Security.Cryptography;
using System.Text;
using Marten;
using Platform.Studies;

namespace Platform.Web.Studies;

/// <summary>Which video's conversion made the files for an upload's bytes under one recipe.</summary>
public sealed class ProcessedUpload
{
    /// <summary>The upload's SHA-256 and the recipe's, together (<see cref="ProcessedUploads.KeyOf"/>).</summary>
    public string Id { get; set; } = string.Empty;

    public Guid VideoId { get; set; }
}

/// <summary>What the served video measures, as recorded with it.</summary>
public sealed record ServedMeasures(double DurationSeconds, int Width, int Height, double FrameRate);

/// <summary>
/// The same bytes uploaded again (a baseline's videos reused in a new study, a bulk upload sent to a second study) are
/// not converted again: the earlier conversion's files, content-addressed and so shared on disk, are recorded under new
/// media ids, exactly as a fresh conversion of those bytes would record them. The key holds every ffmpeg option that
/// shapes the output, so a change of encoding converts again.
/// </summary>
public sealed class ProcessedUploads(IDocumentStore store, MediaStore media)
{
    public static string KeyOf(string uploadSha256, VideoTools tools) =>
        uploadSha256 + "." + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n',
            ServedEncoding.Video, ServedEncoding.Quality, ServedEncoding.Picture, ServedEncoding.ConstantBitrate(1), ProcessVideo.EvenSize,
            GoldCopies.FrozenFilter, GoldCopies.CorruptedFilter, GoldCopies.PosterQuality, tools.Threads))))[..16];

    /// <returns>Copies in <paramref name="work"/> of the files an earlier conversion of the same bytes made (video,
    /// poster, frozen copy, corrupted copy) and its measures; null when there was none, or its files are gone.</returns>
    public async Task<(IReadOnlyList<NewMediaFile> Files, ServedMeasures Measures)?> FindAsync(string key, string work, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var earlier = await session.LoadAsync<ProcessedUpload>(key, cancellationToken);
        var video = earlier is null ? null : await session.LoadAsync<CandidateVideo>(earlier.VideoId, cancellationToken);
        if (video is not { State: VideoState.Ready, MediaId: { } main, PosterMediaId: { } poster, DegradedMediaId: { } frozen, CorruptedMediaId: { } corrupted })
            return null;
        string[] ids = [main, poster, frozen, corrupted];
        var stored = (await session.LoadManyAsync<MediaFile>(cancellationToken, ids)).ToDictionary(f => f.Id);
        if (ids.Any(id => !stored.TryGetValue(id, out var file) || !File.Exists(media.PathOf(file)))) return null;

        var copies = new List<NewMediaFile>();
        foreach (var (id, index) in ids.Select((id, index) => (id, index)))
        {
            var file = stored[id];
            var extension = Path.GetExtension(file.RelativePath);
            var copy = Path.Combine(work, $"earlier-{index}{extension}");
            File.Copy(media.PathOf(file), copy, overwrite: true);
            copies.Add(new NewMediaFile(copy, extension, file.ContentType));
        }
        return (copies, new ServedMeasures(video.DurationSeconds, video.Width, video.Height, video.FrameRate));
    }
}
