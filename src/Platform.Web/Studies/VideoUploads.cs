using Hangfire;
using Marten;
using Platform.Common;
using Platform.Studies;
using Platform.Web.Hosting;

namespace Platform.Web.Studies;

/// <summary>An upload written under uploads/ and its SHA-256, before it is checked and recorded.</summary>
public sealed record StagedFile(string Path, string Sha256, long Bytes);

/// <param name="VideoId">Chosen by the caller when a retry must find the same video (generation, bulk uploads); new otherwise.</param>
public sealed record VideoUpload(Guid StudyId, string Condition, string Prompt, string? Task, int? Seed, string FileName, long Bytes, Guid By, Guid? VideoId = null);

/// <summary>
/// Takes an uploaded file: checks the study and the file (ffprobe) before anything is recorded, keeps it under
/// uploads/, records the upload and queues its processing. A refused file leaves nothing behind.
/// </summary>
public sealed class VideoUploads(IDocumentStore store, Storage storage, IBackgroundJobClient jobs, VideoTools tools, TimeProvider clock)
{
    public VideoLimits Limits => tools.Limits;

    public async Task<CandidateVideo> AddAsync(VideoUpload upload, Stream content, CancellationToken cancellationToken)
    {
        if (upload.Bytes > Limits.MaxUploadBytes)
            throw new DomainException($"The file has {VideoLimits.Size(upload.Bytes)}; at most {VideoLimits.Size(Limits.MaxUploadBytes)} are accepted.", DomainError.Unprocessable);

        var videoId = upload.VideoId ?? Guid.NewGuid();
        await using var session = store.LightweightSession();
        var study = await session.LoadAsync<Study>(upload.StudyId, cancellationToken) ?? throw StudyCatalog.NotFound();
        var uploaded = AddingVideo.Handle(study, await StoredAsync(session, upload, cancellationToken), new AddVideo(videoId, study.Id, upload.Condition, upload.Prompt, upload.Task, upload.Seed, upload.FileName, upload.Bytes, upload.By), clock.GetUtcNow());

        var partial = PartialPath(storage);
        try
        {
            await using (var file = File.Create(partial))
                await CopyWithLimitAsync(content, file, Limits.MaxUploadBytes, cancellationToken);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
        return await RecordAsync(session, uploaded, partial, probed: false, cancellationToken);
    }

    /// <summary>
    /// Takes a file already written under uploads/ (<see cref="StageAsync"/>) as the video <paramref name="upload"/>
    /// names (its <see cref="VideoUpload.VideoId"/> given): checked like any upload, then recorded. The file is moved
    /// or deleted, whatever happens.
    /// </summary>
    /// <returns>The new video; null when a video with this id is stored already (nothing is added).</returns>
    public async Task<CandidateVideo?> AddStagedAsync(VideoUpload upload, StagedFile staged, bool probed, CancellationToken cancellationToken)
    {
        try
        {
            if (staged.Bytes > Limits.MaxUploadBytes)
                throw new DomainException($"The file has {VideoLimits.Size(staged.Bytes)}; at most {VideoLimits.Size(Limits.MaxUploadBytes)} are accepted.", DomainError.Unprocessable);
            await using var session = store.LightweightSession();
            var study = await session.LoadAsync<Study>(upload.StudyId, cancellationToken) ?? throw StudyCatalog.NotFound();
            var uploaded = AddingVideo.Handle(study, await StoredAsync(session, upload, cancellationToken), new AddVideo(upload.VideoId ?? Guid.NewGuid(), study.Id, upload.Condition, upload.Prompt, upload.Task, upload.Seed, upload.FileName, staged.Bytes, upload.By), clock.GetUtcNow());
            return await RecordAsync(session, uploaded, staged.Path, probed, cancellationToken);
        }
        catch (JasperFx.Events.ExistingStreamIdCollisionException)
        {
            return null; // the same video, stored a moment ago by another run: the stored one stays
        }
        finally
        {
            File.Delete(staged.Path);
        }
    }

    /// <summary>Writes an upload under uploads/ (at most the upload limit) and hashes it.</summary>
    public async Task<StagedFile> StageAsync(Stream content, CancellationToken cancellationToken)
    {
        var partial = PartialPath(storage);
        try
        {
            await using (var file = File.Create(partial))
                await CopyWithLimitAsync(content, file, Limits.MaxUploadBytes, cancellationToken);
            await using var written = File.OpenRead(partial);
            var sha256 = Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(written, cancellationToken));
            return new StagedFile(partial, sha256, written.Length);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    /// <summary>Probes the staged file (unless done already), keeps it for processing and records the upload.</summary>
    private async Task<CandidateVideo> RecordAsync(IDocumentSession session, VideoUploaded uploaded, string partial, bool probed, CancellationToken cancellationToken)
    {
        var path = UploadPath(storage, uploaded.VideoId);
        try
        {
            if (!probed) await VideoProbe.CheckAsync(partial, tools, cancellationToken);
            File.Move(partial, path);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }

        try
        {
            session.Events.StartStream<CandidateVideo>(uploaded.VideoId, uploaded);
            await session.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        jobs.Enqueue<ProcessVideo>(job => job.RunAsync(uploaded.VideoId, null, CancellationToken.None));
        return CandidateVideo.Create(uploaded);
    }

    /// <summary>The study's stored videos of the upload's prompt: those whose cell the upload might take.</summary>
    private static async Task<IReadOnlyList<CandidateVideo>> StoredAsync(IQuerySession session, VideoUpload upload, CancellationToken cancellationToken)
    {
        var prompt = (upload.Prompt ?? string.Empty).Trim();
        return await session.Query<CandidateVideo>().Where(v => v.StudyId == upload.StudyId && v.Prompt == prompt).ToListAsync(cancellationToken);
    }

    private static string PartialPath(Storage storage) => Path.Combine(storage.Uploads, $"{Guid.NewGuid():N}.part");

    public static string UploadPath(Storage storage, Guid videoId) => Path.Combine(storage.Uploads, $"{videoId:N}.upload");

    /// <summary>Copies at most <paramref name="limit"/> bytes, refusing the file (a readable 422) beyond it.</summary>
    public static async Task CopyWithLimitAsync(Stream from, Stream to, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > limit)
                throw new DomainException($"The file is larger than the {VideoLimits.Size(limit)} accepted.", DomainError.Unprocessable);
            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }
}
