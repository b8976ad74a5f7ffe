using Hangfire;
using Marten;
using Platform.Common;
using Platform.Hosting;

namespace Platform.Studies;

/// <param name="VideoId">Chosen by the caller when a retry must find the same video (generation); new otherwise.</param>
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
        var uploaded = AddingVideo.Handle(study, new AddVideo(videoId, study.Id, upload.Condition, upload.Prompt, upload.Task, upload.Seed, upload.FileName, upload.Bytes, upload.By), clock.GetUtcNow());

        var path = UploadPath(storage, videoId);
        var partial = path + ".part";
        try
        {
            await using (var file = File.Create(partial))
                await CopyWithLimitAsync(content, file, Limits.MaxUploadBytes, cancellationToken);
            await VideoProbe.CheckAsync(partial, tools, cancellationToken);
            File.Move(partial, path);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }

        try
        {
            session.Events.StartStream<CandidateVideo>(videoId, uploaded);
            await session.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        jobs.Enqueue<ProcessVideo>(job => job.RunAsync(videoId, null, CancellationToken.None));
        return CandidateVideo.Create(uploaded);
    }

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
