using CsvHelper;
using Marten;
using Platform.Common;
using Platform.Results;
using Platform.Studies;
using Platform.Web.Studies;

namespace Platform.Web.Results;

/// <summary>
/// Imports per-video metrics computed elsewhere from CSV (<see cref="ImportingMetrics.Header"/>): all or nothing,
/// every bad line named; one event per file, a later value replacing an earlier one for the same video and metric.
/// </summary>
public sealed class MetricImports(IDocumentStore store, TimeProvider clock)
{
    public static readonly string[] Required = ["metric", "value", "better"];
    public static readonly string[] ByCell = ["condition", "prompt"];
    public const int MaxRows = 200_000;

    public async Task<MetricImport> ImportAsync(Guid studyId, string fileName, Stream csv, Guid by, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(csv, cancellationToken);
        await using var session = store.LightweightSession();
        await StudyLock.AcquireAsync(session, studyId, cancellationToken);
        var study = await session.LoadAsync<Study>(studyId, cancellationToken) ?? throw StudyCatalog.NotFound();
        var videos = await session.Query<CandidateVideo>().Where(v => v.StudyId == studyId && v.State == VideoState.Ready).ToListAsync(cancellationToken);
        var earlier = await StudyMetrics.ReadAsync(session, studyId, cancellationToken);
        var imported = ImportingMetrics.Handle(study, [.. videos.Select(v => new MetricTarget(v.Id, v.Condition, v.Prompt, v.Task, v.Seed))], earlier.Metrics,
            new ImportMetrics(Guid.NewGuid(), studyId, fileName, rows, by), clock.GetUtcNow());
        session.Events.StartStream<MetricImport>(imported.ImportId, imported);
        await session.SaveChangesAsync(cancellationToken);
        return MetricImport.Create(imported);
    }

    /// <summary>The rows as written, the header counted as line 1; a line that is not well-formed CSV comes back marked unreadable.</summary>
    public static async Task<IReadOnlyList<MetricRow>> ReadAsync(Stream content, CancellationToken cancellationToken)
    {
        string? unreadable = null;
        using var reader = new StreamReader(content);
        using var csv = new CsvReader(reader, CsvFiles.Configuration(problem => unreadable ??= problem));
        if (!await csv.ReadAsync() || !csv.ReadHeader())
            throw new DomainException($"The file is empty: expected a header '{ImportingMetrics.Header}'.", DomainError.Unprocessable);
        var header = CsvFiles.Header(csv);
        var missing = Required.Where(c => !header.Contains(c)).Concat(header.Contains("video") ? [] : ByCell.Where(c => !header.Contains(c))).ToList();
        if (missing.Count > 0)
        {
            throw new DomainException($"Nothing was imported: line 1 (the header) lacks the column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}; " +
                $"expected '{ImportingMetrics.Header}'.", DomainError.Unprocessable);
        }

        var rows = new List<MetricRow>();
        string? Field(string name) => header.Contains(name) ? csv.GetField(name) : null;
        while (await csv.ReadAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (rows.Count == MaxRows)
                throw new DomainException($"Nothing was imported: at most {MaxRows:N0} values are taken per file; split it.", DomainError.Unprocessable);
            unreadable = null;
            var row = new MetricRow(CsvFiles.FirstLine(csv.Parser), Field("video"), Field("condition"), Field("prompt"), Field("task"), Field("seed"),
                Field("metric"), Field("value"), Field("better"));
            rows.Add(row with { Unreadable = unreadable });
        }
        return rows;
    }
}
