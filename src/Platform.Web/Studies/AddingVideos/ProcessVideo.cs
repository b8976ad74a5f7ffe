using FFMpegCore;
using Hangfire;
using Hangfire.Server;
using Marten;
using MassTransit;
using Platform.Common;
using Platform.Studies;
using Platform.Web.Hosting;

namespace Platform.Web.Studies;

/// <summary>Percent done of a video's processing, for the study page.</summary>
public sealed class VideoProgress
{
    public Guid Id { get; set; }
    public int Percent { get; set; }
}

/// <summary>
/// Hangfire job: normalises an upload to web-playable H.264 MP4 (yuv420p, faststart, no audio), makes a poster frame and
/// the copies gold trials use (<see cref="GoldCopies"/>), stores them content-addressed and records the result in the same
/// transaction as their media documents. Every run ends with the video ready, or rejected with a reason (an unexpected
/// error on the last attempt at the latest), and leaves no half-made file behind. Safe to run twice: a video that is no
/// longer processing is left alone.
/// </summary>
public sealed class ProcessVideo(IDocumentStore store, Storage storage, MediaStore media, ProcessedUploads processed, IBus bus, VideoTools tools, TimeProvider clock, ILogger<ProcessVideo> logger)
{
    public const int Attempts = 2;

    /// <summary>The signature runs enqueued before the attempt was known still carry; they run as a last attempt.</summary>
    [AutomaticRetry(Attempts = Attempts)]
    public Task RunAsync(Guid videoId, CancellationToken cancellationToken) => RunAsync(videoId, null, cancellationToken);

    /// <param name="context">Hangfire's, to know the attempt; null (a direct call) counts as the last one.</param>
    [AutomaticRetry(Attempts = Attempts)]
    public async Task RunAsync(Guid videoId, PerformContext? context, CancellationToken cancellationToken)
    {
        CandidateVideo? video;
        await using (var query = store.QuerySession())
            video = await query.LoadAsync<CandidateVideo>(videoId, cancellationToken);
        if (video is not { State: VideoState.Processing }) return;

        var work = Path.Combine(storage.Uploads, $"{videoId:N}.work");
        var ready = false;
        try
        {
            Directory.CreateDirectory(work);
            var made = await MakeAsync(video, work, cancellationToken);
            // The files and the event that refers to them are kept together, or neither.
            ready = await media.ImportAsync(made.Files, stored =>
                RecordAsync(video, made.Processed(stored, clock.GetUtcNow()), [.. stored, .. made.Documents], cancellationToken),
                cancellationToken);
        }
        catch (DomainException refused)
        {
            await RejectAsync(video, refused.Message);
        }
        catch (JasperFx.ConcurrencyException)
        {
            logger.LogInformation("Another run recorded the outcome of video {VideoId} first", videoId);
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException && (context?.GetJobParameter<int>("RetryCount") ?? Attempts) >= Attempts)
        {
            logger.LogError(e, "Video {VideoId} could not be processed; this was the last of {Attempts} attempts", videoId, Attempts + 1);
            await RejectAsync(video, $"The video could not be processed: {e.Message}");
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }

        if (ready)
            await bus.Publish(new Generation.Following.CandidateVideoReady(video.StudyId, videoId, video.Condition, video.Prompt, video.Seed), cancellationToken);
    }

    /// <summary>
    /// Appends the outcome and stores the documents it refers to in one transaction, then lets the upload go. False when
    /// another run has recorded an outcome already.
    /// </summary>
    private async Task<bool> RecordAsync(CandidateVideo video, object outcome, IEnumerable<object> documents, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<CandidateVideo>(video.Id, cancellationToken);
        if (stream.Aggregate is not { State: VideoState.Processing }) return false;
        stream.AppendOne(outcome);
        foreach (var document in documents) session.Store(document);
        await session.SaveChangesAsync(cancellationToken);
        File.Delete(VideoUploads.UploadPath(storage, video.Id));
        return true;
    }

    private Task<bool> RejectAsync(CandidateVideo video, string reason) =>
        RecordAsync(video, new VideoRejected(video.Id, video.StudyId, reason, clock.GetUtcNow()), [], CancellationToken.None);

    private async Task<MadeFiles> MakeAsync(CandidateVideo video, string work, CancellationToken cancellationToken)
    {
        var upload = VideoUploads.UploadPath(storage, video.Id);
        if (!File.Exists(upload))
            throw new DomainException("The uploaded file is no longer there; upload the video again.");
        // The same bytes converted before (a video uploaded again, a generation retried) are not converted twice; they
        // were checked within the limits when they were uploaded.
        var key = ProcessedUploads.KeyOf(await MediaStore.HashAsync(upload, cancellationToken), tools);
        if (await processed.FindAsync(key, work, cancellationToken) is { } earlier)
            return new MadeFiles(video, earlier.Measures, Key: null, earlier.Files);
        var probed = await VideoProbe.CheckAsync(upload, tools, cancellationToken);

        // A constant-quality pass finds the bitrate the video needs; the served video and its gold copies are then all
        // encoded at that constant bitrate, one configuration for the three (ServedEncoding).
        var quality = Path.Combine(work, "quality.mp4");
        await RunStepAsync(tools.Input(upload)
                .OutputToFile(quality, overwrite: true, o => o.WithCustomArgument(EvenSize).WithCustomArgument(ServedEncoding.Video).WithCustomArgument(ServedEncoding.Quality).WithCustomArgument(tools.Threads))
                .NotifyOnPercentageProgress(percent => ReportProgress(video.Id, percent * 0.8), probed.Duration),
            "convert the video to H.264", video.Id, cancellationToken);
        var measured = await tools.AnalyseAsync(quality, "measure the converted video", cancellationToken);
        var bitsPerSecond = (long)(new FileInfo(quality).Length * 8 / Math.Max(measured.Duration.TotalSeconds, 0.1));
        File.Delete(quality);
        var normalised = Path.Combine(work, "video.mp4");
        await RunStepAsync(tools.Input(upload)
                .OutputToFile(normalised, overwrite: true, o => o.WithCustomArgument(EvenSize).WithCustomArgument(ServedEncoding.Video).WithCustomArgument(ServedEncoding.ConstantBitrate(bitsPerSecond)).WithCustomArgument(tools.Threads))
                .NotifyOnPercentageProgress(percent => ReportProgress(video.Id, 80 + percent * 0.2), probed.Duration),
            "encode the video at its bitrate", video.Id, cancellationToken);

        var check = await tools.AnalyseAsync(normalised, "measure the converted video", cancellationToken);
        var gold = GoldFiles.In(work);
        await RunStepAsync(GoldCopies.Make(tools, normalised, gold, check.Duration, bitsPerSecond), "make the poster frame and the copies for gold trials", video.Id, cancellationToken);

        return new MadeFiles(video, Measures(check), key, [new(normalised, ".mp4", "video/mp4"), new(gold.Poster, ".jpg", "image/jpeg"), new(gold.Frozen, ".mp4", "video/mp4"), new(gold.Corrupted, ".mp4", "video/mp4")]);
    }

    public const string EvenSize = "-vf scale=trunc(iw/2)*2:trunc(ih/2)*2";

    /// <summary>
    /// Runs one ffmpeg step; a failure is a readable refusal, with ffmpeg's own words in the log (a run stopped at a cap
    /// is refused by <see cref="VideoTools.RunAsync"/> with that reason).
    /// </summary>
    private async Task RunStepAsync(FFMpegArgumentProcessor step, string what, Guid videoId, CancellationToken cancellationToken)
    {
        try
        {
            var result = await tools.RunAsync(step, what, cancellationToken);
            if (result.Success) return;
            // A run under the memory cap can fail without saying why: the caps belong beside ffmpeg's words.
            logger.LogWarning("ffmpeg could not {Step} {VideoId} ({Caps}): {Error}", what, videoId, tools.Caps, string.Join('\n', result.StandardError.TakeLast(5)));
        }
        catch (DomainException refused)
        {
            logger.LogWarning("Video {VideoId} refused while trying to {Step}: {Reason}", videoId, what, refused.Message);
            throw;
        }
        throw new DomainException($"ffmpeg could not {what}.");
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

    private static ServedMeasures Measures(IMediaAnalysis check)
    {
        var stream = check.PrimaryVideoStream!;
        return new ServedMeasures(check.Duration.TotalSeconds, stream.Width ?? 0, stream.Height ?? 0, double.IsFinite(stream.AverageFrameRate) ? stream.AverageFrameRate : 0);
    }

    /// <summary>The finished files, in the order video, poster, frozen copy, corrupted copy.</summary>
    /// <param name="Key">Set when these files were made now (not copied from an earlier conversion): they are kept for it.</param>
    private sealed record MadeFiles(CandidateVideo Video, ServedMeasures Measures, string? Key, IReadOnlyList<NewMediaFile> Files)
    {
        public VideoProcessed Processed(IReadOnlyList<MediaFile> stored, DateTimeOffset at) =>
            new(Video.Id, Video.StudyId, stored[0].Sha256, stored[0].Id, stored[1].Id, stored[2].Id, stored[3].Id,
                Measures.DurationSeconds, Measures.Width, Measures.Height, Measures.FrameRate, at);

        /// <summary>Saved with the outcome: the progress at its end, and which conversion made files for these bytes.</summary>
        public IEnumerable<object> Documents =>
            Key is null ? [new VideoProgress { Id = Video.Id, Percent = 100 }] : [new VideoProgress { Id = Video.Id, Percent = 100 }, new ProcessedUpload { Id = Key, VideoId = Video.Id }];
    }
}
