using FFMpegCore;
using Hangfire;
using MassTransit;
using Marten;
using Platform.Common;
using Platform.Hosting;

namespace Platform.Studies;

/// <summary>Percent done of a video's processing, for the study page.</summary>
public sealed class VideoProgress
{
    public Guid Id { get; set; }
    public int Percent { get; set; }
}

/// <summary>
/// Hangfire job: normalises an upload to web-playable H.264 MP4 (yuv420p, faststart, no audio), takes a poster
/// frame and a frozen-frame copy for gold trials, stores all three content-addressed, and records the result.
/// Safe to run twice: a video that is no longer processing is left alone.
/// </summary>
public sealed class ProcessVideo(IDocumentStore store, Storage storage, MediaStore media, IBus bus, IConfiguration configuration, TimeProvider clock, ILogger<ProcessVideo> logger)
{
    [AutomaticRetry(Attempts = 2)]
    public async Task RunAsync(Guid videoId, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var video = await session.LoadAsync<CandidateVideo>(videoId, cancellationToken);
        if (video is not { State: VideoState.Processing }) return;

        var upload = VideoUploads.UploadPath(storage, videoId);
        var work = Directory.CreateDirectory(Path.Combine(storage.Uploads, $"{videoId:N}.work")).FullName;
        try
        {
            object outcome;
            try
            {
                outcome = await ConvertAsync(video, upload, work, cancellationToken);
            }
            catch (DomainException refused)
            {
                outcome = new VideoRejected(videoId, video.StudyId, refused.Message, clock.GetUtcNow());
            }
            session.Events.Append(videoId, outcome);
            await session.SaveChangesAsync(cancellationToken);
            File.Delete(upload);
            if (outcome is VideoProcessed)
                await bus.Publish(new Generation.Following.CandidateVideoReady(video.StudyId, videoId, video.Condition, video.Prompt, video.Seed), cancellationToken);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private async Task<object> ConvertAsync(CandidateVideo video, string upload, string work, CancellationToken cancellationToken)
    {
        if (!File.Exists(upload))
            throw new DomainException("The uploaded file is no longer there; upload the video again.");
        var probed = await VideoProbe.CheckAsync(upload, VideoLimits.From(configuration), cancellationToken);

        var normalised = Path.Combine(work, "video.mp4");
        var converted = await FFMpegArguments.FromFileInput(upload)
            .OutputToFile(normalised, overwrite: true, o => o
                .WithCustomArgument("-c:v libx264 -preset veryfast -crf 20 -profile:v high -pix_fmt yuv420p")
                .WithCustomArgument("-vf scale=trunc(iw/2)*2:trunc(ih/2)*2 -movflags +faststart -an"))
            .NotifyOnPercentageProgress(percent => ReportProgress(video.Id, percent), probed.Duration)
            .ProcessAsynchronously(throwOnError: false, cancellationToken: cancellationToken);
        if (!converted.Success)
        {
            logger.LogWarning("ffmpeg could not convert video {VideoId}: {Error}", video.Id, string.Join('\n', converted.StandardError.TakeLast(5)));
            throw new DomainException("ffmpeg could not convert the video to H.264.");
        }

        var poster = Path.Combine(work, "poster.jpg");
        await FFMpegArguments.FromFileInput(normalised)
            .OutputToFile(poster, overwrite: true, o => o.WithFrameCount(1).WithCustomArgument("-q:v 3"))
            .ProcessAsynchronously(throwOnError: true, cancellationToken: cancellationToken);

        // Gold trials compare the video with this copy: its first frame held for the whole duration.
        var degraded = Path.Combine(work, "degraded.mp4");
        await FFMpegArguments.FromFileInput(poster, verifyExists: true, i => i.WithLoop())
            .OutputToFile(degraded, overwrite: true, o => o
                .WithDuration(probed.Duration)
                .WithFrameRate(probed.FrameRate > 0 ? probed.FrameRate : 25)
                .WithCustomArgument("-c:v libx264 -preset veryfast -crf 23 -pix_fmt yuv420p -vf scale=trunc(iw/2)*2:trunc(ih/2)*2 -movflags +faststart -an"))
            .ProcessAsynchronously(throwOnError: true, cancellationToken: cancellationToken);

        var check = await FFProbe.AnalyseAsync(normalised, cancellationToken: cancellationToken);
        var stored = await media.ImportAsync(normalised, ".mp4", "video/mp4", cancellationToken);
        var storedPoster = await media.ImportAsync(poster, ".jpg", "image/jpeg", cancellationToken);
        var storedDegraded = await media.ImportAsync(degraded, ".mp4", "video/mp4", cancellationToken);
        await using (var session = store.LightweightSession())
        {
            session.Store(stored, storedPoster, storedDegraded);
            session.Store(new VideoProgress { Id = video.Id, Percent = 100 });
            await session.SaveChangesAsync(cancellationToken);
        }
        var stream = check.PrimaryVideoStream!;
        return new VideoProcessed(video.Id, video.StudyId, stored.Sha256, stored.Id, storedPoster.Id, storedDegraded.Id,
            check.Duration.TotalSeconds, stream.Width ?? 0, stream.Height ?? 0, double.IsFinite(stream.AverageFrameRate) ? stream.AverageFrameRate : 0, clock.GetUtcNow());
    }

    private void ReportProgress(Guid videoId, double percent)
    {
        // Fire and forget: progress is a courtesy, losing one update is harmless.
        _ = Task.Run(async () =>
        {
            await using var session = store.LightweightSession();
            session.Store(new VideoProgress { Id = videoId, Percent = (int)Math.Clamp(percent, 0, 99) });
            await session.SaveChangesAsync();
        });
    }
}
