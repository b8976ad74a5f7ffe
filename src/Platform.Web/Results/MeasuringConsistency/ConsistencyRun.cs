using Marten;
using Platform.Results;

namespace Platform.Web.Results;

/// <summary>One COLMAP measurement of a video, as recorded (a stream of its own); a video's latest run is its measurement.</summary>
public sealed class ConsistencyRun
{
    public Guid Id { get; set; }
    public Guid VideoId { get; set; }
    public Guid StudyId { get; set; }
    public ConsistencyMeasured Result { get; set; } = null!;

    public static ConsistencyRun Create(ConsistencyMeasured e) => new() { Id = e.RunId, VideoId = e.VideoId, StudyId = e.StudyId, Result = e };

    /// <summary>Each video's latest measurement in the study.</summary>
    public static async Task<IReadOnlyDictionary<Guid, ConsistencyMeasured>> LatestAsync(IQuerySession session, Guid studyId, CancellationToken cancellationToken) =>
        (await session.Query<ConsistencyRun>().Where(r => r.StudyId == studyId).ToListAsync(cancellationToken))
            .GroupBy(r => r.VideoId)
            .ToDictionary(g => g.Key, g => Latest(g)!);

    /// <summary>The video's latest measurement; null before its first.</summary>
    public static async Task<ConsistencyMeasured?> LatestOfVideoAsync(IQuerySession session, Guid videoId, CancellationToken cancellationToken) =>
        Latest(await session.Query<ConsistencyRun>().Where(r => r.VideoId == videoId).ToListAsync(cancellationToken));

    private static ConsistencyMeasured? Latest(IEnumerable<ConsistencyRun> runs) => runs.MaxBy(r => r.Result.At)?.Result;
}

/// <summary>Whether a study's videos are measured with COLMAP, and who said so last.</summary>
public sealed class ConsistencySwitch
{
    /// <summary>The study's id.</summary>
    public Guid Id { get; set; }

    public bool On { get; set; }
    public Guid By { get; set; }
    public DateTimeOffset At { get; set; }
}
