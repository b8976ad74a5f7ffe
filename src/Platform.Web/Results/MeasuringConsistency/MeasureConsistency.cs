using System.ComponentModel;
using System.Diagnostics;
using Hangfire;
using Marten;
using Microsoft.Extensions.Options;
using Platform.Common;
using Platform.Results;
using Platform.Studies;
using Platform.Web.Hosting;
using Platform.Web.Hosting.Database;
using Platform.Web.Studies;

namespace Platform.Web.Results;

/// <summary>
/// Hangfire job: measures one ready video's 3D consistency with COLMAP (<see cref="Reconstructing"/>) in a private work
/// folder, removed however the run ends, and records the outcome, a model or none (a result about the video), or a
/// failure (time limit, COLMAP missing or crashing). Safe to run twice: a video already measured with the current
/// parameters, or being measured by another run, is left alone; a run stopped by shutdown is taken up again by Hangfire.
/// </summary>
public sealed class MeasureConsistency(IDocumentStore store, Reconstructing reconstructing, Colmap colmap, MediaStore media, Storage storage,
    PlatformDatabase database, IOptions<ConsistencyOptions> options, TimeProvider clock, ILogger<MeasureConsistency> logger)
{
    public const string Queue = "consistency";

    private const long LockSalt = 0x434F4C4D4150;

    [Queue(Queue)]
    [AutomaticRetry(Attempts = 2)]
    public async Task RunAsync(Guid videoId, CancellationToken cancellationToken)
    {
        await using var held = await AdvisoryLocks.HoldAsync(database.ConnectionString, AdvisoryLocks.Key64(videoId) ^ LockSalt, wait: false, cancellationToken);
        if (held is null) return;
        var (video, file) = await ToMeasureAsync(videoId, cancellationToken);
        if (video is null || file is null) return;

        var work = WorkFolder(videoId);
        var clockStarted = Stopwatch.StartNew();
        ConsistencyMeasured measured;
        try
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
            measured = await MeasureAsync(video, media.PathOf(file), work, cancellationToken) with { RunTime = clockStarted.Elapsed };
            await RecordAsync(measured, FrameStrip.PathIn(work));
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
        logger.LogInformation("Video {VideoId}: {Summary} in {Seconds:0.0} s", videoId, measured.Summary, measured.RunTime.TotalSeconds);
    }

    /// <summary>The measurement, with its strip of frames (when one was made) kept beside the video's other media.</summary>
    private async Task RecordAsync(ConsistencyMeasured measured, string strip)
    {
        List<NewMediaFile> files = File.Exists(strip) ? [new NewMediaFile(strip, ".jpg", "image/jpeg")] : [];
        await media.ImportAsync(files, async stored =>
        {
            var recorded = measured with { StripMediaId = stored.Count > 0 ? stored[0].Id : null };
            await using var session = store.LightweightSession();
            foreach (var file in stored) session.Store(file);
            session.Events.StartStream<ConsistencyRun>(recorded.RunId, recorded);
            await session.SaveChangesAsync(CancellationToken.None);
            return true;
        }, CancellationToken.None);
    }

    /// <summary>Where a run of the video works: one folder per video, since one run at a time holds its lock.</summary>
    public string WorkFolder(Guid videoId) => Path.Combine(storage.Uploads, $"{videoId:N}.colmap");

    private async Task<(CandidateVideo?, MediaFile?)> ToMeasureAsync(Guid videoId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var video = await session.LoadAsync<CandidateVideo>(videoId, cancellationToken);
        if (video is not { State: VideoState.Ready, MediaId: { } mediaId }) return (null, null);
        var on = await session.LoadAsync<ConsistencySwitch>(video.StudyId, cancellationToken);
        var done = await ConsistencyRun.LatestOfVideoAsync(session, videoId, cancellationToken) is { } last && last.Settles(options.Value.Parameters);
        return on is { On: true } && !done ? (video, await session.LoadAsync<MediaFile>(mediaId, cancellationToken)) : (null, null);
    }

    private async Task<ConsistencyMeasured> MeasureAsync(CandidateVideo video, string path, string work, CancellationToken cancellationToken)
    {
        var o = options.Value;
        ConsistencyMeasured Outcome(ConsistencyOutcome outcome, int frames, Reconstruction? model, string message, string version) =>
            new(Guid.NewGuid(), video.Id, video.StudyId, outcome, frames, model, message, version, o.Parameters, TimeSpan.Zero, clock.GetUtcNow());

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(o.TimeLimit);
        var version = "COLMAP";
        try
        {
            version = await colmap.VersionAsync(limit.Token);
            var found = await reconstructing.RunAsync(path, work, limit.Token);
            return Outcome(found.Model is null ? ConsistencyOutcome.NoModel : ConsistencyOutcome.Measured, found.Frames, found.Model, found.Message, version);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Outcome(ConsistencyOutcome.Failed, 0, null, $"stopped at the time limit of {o.TimeLimit.TotalMinutes:0.#} min", version);
        }
        catch (Win32Exception e)
        {
            return Outcome(ConsistencyOutcome.Failed, 0, null, $"COLMAP could not start ({o.ColmapPath}: {e.Message}); ./run.sh installs Debian's colmap", version);
        }
        catch (Exception e) when (e is ColmapFailedException or DomainException or FormatException)
        {
            logger.LogWarning(e, "COLMAP could not measure video {VideoId}", video.Id);
            return Outcome(ConsistencyOutcome.Failed, 0, null, e.Message, version);
        }
    }
}
