using Marten;
using Platform.Results;

namespace Platform.Web.Results;

/// <summary>One imported metrics file, kept whole; the study's metrics are its imports read in order.</summary>
public sealed class MetricImport
{
    public Guid Id { get; set; }
    public Guid StudyId { get; set; }
    public string FileName { get; set; } = string.Empty;
    public List<MetricDeclared> Metrics { get; set; } = [];
    public List<VideoMetric> Values { get; set; } = [];
    public Guid By { get; set; }
    public DateTimeOffset At { get; set; }

    public static MetricImport Create(MetricsImported e) => new()
    {
        Id = e.ImportId,
        StudyId = e.StudyId,
        FileName = e.FileName,
        Metrics = [.. e.Metrics],
        Values = [.. e.Values],
        By = e.By,
        At = e.At,
    };
}

/// <summary>
/// A study's per-video metrics: each imported metric as first declared, each value as last imported, then the COLMAP
/// metrics of its videos' latest measurements (when any video has one).
/// </summary>
public sealed record StudyMetrics(IReadOnlyList<MetricDeclared> Metrics, IReadOnlyList<VideoMetric> Values)
{
    public static StudyMetrics From(IEnumerable<MetricImport> imports, IEnumerable<ConsistencyMeasured> measured)
    {
        var imported = From(imports);
        var colmap = measured.SelectMany(Consistency.Metrics).ToList();
        var names = colmap.Select(v => v.Metric).ToHashSet(StringComparer.Ordinal);
        return new StudyMetrics([.. imported.Metrics, .. Consistency.Declared.Where(m => names.Contains(m.Name))], [.. imported.Values, .. colmap]);
    }

    public static StudyMetrics From(IEnumerable<MetricImport> imports)
    {
        var ordered = imports.OrderBy(i => i.At).ThenBy(i => i.Id).ToList();
        var metrics = ordered.SelectMany(i => i.Metrics).DistinctBy(m => m.Name).ToList();
        var values = new Dictionary<(Guid, string), VideoMetric>();
        foreach (var value in ordered.SelectMany(i => i.Values)) values[(value.VideoId, value.Metric)] = value;
        return new StudyMetrics(metrics, [.. values.Values]);
    }

    public static async Task<StudyMetrics> ReadAsync(IQuerySession session, Guid studyId, CancellationToken cancellationToken) =>
        From(await session.Query<MetricImport>().Where(i => i.StudyId == studyId).ToListAsync(cancellationToken),
            (await ConsistencyRun.LatestAsync(session, studyId, cancellationToken)).Values);
}
