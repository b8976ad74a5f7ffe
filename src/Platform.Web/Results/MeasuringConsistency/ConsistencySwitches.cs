using Hangfire;
using Marten;
using Microsoft.Extensions.Options;
using Platform.Results;
using Platform.Studies;
using Platform.Web.Studies;

namespace Platform.Web.Results;

/// <summary>
/// A video's measurement as the study's list shows it: "waiting" until a run has recorded one; with the metrics imported
/// for it (COLMAP's own are in <paramref name="Result"/>).
/// </summary>
public sealed record VideoConsistencyView(Guid VideoId, string Condition, string Prompt, string Task, int? Seed, string State, string Summary,
    ConsistencyMeasured? Result, IReadOnlyList<VideoMetric> Imported);

public sealed record ConsistencyView(bool On, string Parameters, IReadOnlyList<VideoConsistencyView> Videos);

/// <summary>
/// Switches a study's COLMAP measurements on or off. On, every ready video not yet measured with the current
/// parameters gets a job, and so does every video that becomes ready later (<see cref="MeasureNewVideos"/>).
/// Off stops new jobs; measurements made stay.
/// </summary>
public sealed class ConsistencySwitches(IDocumentStore store, IBackgroundJobClient jobs, IOptions<ConsistencyOptions> options, TimeProvider clock)
{
    public async Task<ConsistencyView> SwitchAsync(Guid studyId, bool on, Guid by, CancellationToken cancellationToken)
    {
        await using (var session = store.LightweightSession())
        {
            _ = await session.LoadAsync<Study>(studyId, cancellationToken) ?? throw StudyCatalog.NotFound();
            session.Store(new ConsistencySwitch { Id = studyId, On = on, By = by, At = clock.GetUtcNow() });
            await session.SaveChangesAsync(cancellationToken);
        }
        var view = await ReadAsync(studyId, cancellationToken);
        if (on)
        {
            foreach (var video in view.Videos.Where(v => v.Result?.Settles(options.Value.Parameters) != true))
                jobs.Enqueue<MeasureConsistency>(j => j.RunAsync(video.VideoId, CancellationToken.None));
        }
        return view;
    }

    public async Task<ConsistencyView> ReadAsync(Guid studyId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        _ = await session.LoadAsync<Study>(studyId, cancellationToken) ?? throw StudyCatalog.NotFound();
        var on = await session.LoadAsync<ConsistencySwitch>(studyId, cancellationToken) is { On: true };
        var latest = await ConsistencyRun.LatestAsync(session, studyId, cancellationToken);
        var imports = await session.Query<MetricImport>().Where(i => i.StudyId == studyId).ToListAsync(cancellationToken);
        var imported = StudyMetrics.From(imports).Values.ToLookup(v => v.VideoId);
        var videos = await session.Query<CandidateVideo>().Where(v => v.StudyId == studyId && v.State == VideoState.Ready).ToListAsync(cancellationToken);
        return new ConsistencyView(on, options.Value.Parameters.ToString(), [.. videos
            .OrderBy(v => v.Condition, StringComparer.Ordinal).ThenBy(v => v.Prompt, StringComparer.Ordinal).ThenBy(v => v.Seed)
            .Select(v => latest.GetValueOrDefault(v.Id) is { } m
                ? new VideoConsistencyView(v.Id, v.Condition, v.Prompt, v.Task, v.Seed, State(m.Outcome), m.Summary, m, [.. imported[v.Id]])
                : new VideoConsistencyView(v.Id, v.Condition, v.Prompt, v.Task, v.Seed, "waiting", on ? "waiting for COLMAP" : "not measured", null, [.. imported[v.Id]]))]);
    }

    /// <summary>Enqueues a job for a video that just became ready, if its study measures.</summary>
    public async Task MeasureIfOnAsync(Guid studyId, Guid videoId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        if (await session.LoadAsync<ConsistencySwitch>(studyId, cancellationToken) is { On: true })
            jobs.Enqueue<MeasureConsistency>(j => j.RunAsync(videoId, CancellationToken.None));
    }

    private static string State(ConsistencyOutcome outcome) => outcome switch
    {
        ConsistencyOutcome.Measured => "measured",
        ConsistencyOutcome.NoModel => "no model",
        _ => "failed",
    };
}
