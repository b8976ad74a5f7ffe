using CsvHelper;
using Marten;
using Platform.Common;
using Platform.Results;
using Platform.Studies;
using Platform.Web.Studies;

namespace Platform.Web.Results;

/// <summary>A file checked and not yet imported: its rows, and what importing them would add.</summary>
public sealed record CheckedImport(string FileName, IReadOnlyList<ImportRow> Rows, ImportPreview Preview);

/// <summary>
/// Imports judgments collected elsewhere from CSV (<c>participant,prompt,task,left,right,choice</c>): all or
/// nothing, every bad line named; the file's judgments are recorded as one event and marked as imported.
/// </summary>
public sealed class JudgmentImports(IDocumentStore store, TimeProvider clock)
{
    public static readonly string[] Columns = ["participant", "prompt", "task", "left", "right", "choice"];
    /// <summary>One file is one event; this keeps it to tens of megabytes.</summary>
    public const int MaxRows = 200_000;

    public async Task<JudgmentImport> ImportAsync(Guid studyId, string fileName, Stream csv, Guid by, CancellationToken cancellationToken)
    {
        IReadOnlyList<ImportRow> rows;
        try
        {
            rows = await ReadAsync(csv, cancellationToken);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge();
        }
        return await ImportAsync(studyId, fileName, rows, by, cancellationToken);
    }

    public static DomainException TooLarge() =>
        new($"Nothing was imported: the file is larger than the {ImportFiles.MaxBytes / 1048576} MiB accepted; split it.", DomainError.Unprocessable);

    /// <summary>
    /// Checks a file as the import would, and adds nothing: the rows to import on confirmation and what they would add,
    /// or the same refusal (every bad line named) the import gives.
    /// </summary>
    public async Task<CheckedImport> CheckAsync(Guid studyId, string fileName, Stream csv, Guid by, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(csv, cancellationToken);
        await using var session = store.QuerySession();
        var study = await session.LoadAsync<Study>(studyId, cancellationToken) ?? throw StudyCatalog.NotFound();
        var earlier = await EarlierAsync(session, studyId, cancellationToken);
        var imported = ImportingJudgments.Handle(study, earlier, new ImportJudgments(Guid.NewGuid(), studyId, fileName, rows, by), clock.GetUtcNow());
        var tally = await StudyTally.ReadAsync(session, studyId, cancellationToken);
        return new CheckedImport(fileName, rows, ImportPreview.Of(study.Settings, imported.Judgments, tally.Participants));
    }

    /// <summary>Imports rows read earlier (those a researcher saw previewed), checked again against the study as it is now.</summary>
    public async Task<JudgmentImport> ImportAsync(Guid studyId, string fileName, IReadOnlyList<ImportRow> rows, Guid by, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        await StudyLock.AcquireAsync(session, studyId, cancellationToken);
        var study = await session.LoadAsync<Study>(studyId, cancellationToken) ?? throw StudyCatalog.NotFound();
        // Read under the study's lock: two uploads of one file at once cannot both miss each other.
        var earlier = await EarlierAsync(session, studyId, cancellationToken);
        var imported = ImportingJudgments.Handle(study, earlier, new ImportJudgments(Guid.NewGuid(), studyId, fileName, rows, by), clock.GetUtcNow());
        session.Events.StartStream<JudgmentImport>(imported.ImportId, imported);
        await session.SaveChangesAsync(cancellationToken);
        return JudgmentImport.Create(imported);
    }

    /// <summary>The study's imports without their judgments: enough to tell a file imported before.</summary>
    private static async Task<IReadOnlyList<EarlierImport>> EarlierAsync(IQuerySession session, Guid studyId, CancellationToken cancellationToken) =>
        await session.Query<JudgmentImport>().Where(i => i.StudyId == studyId)
            .Select(i => new EarlierImport(i.Id, i.FileName, i.At, i.ContentHash))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The rows as written; line numbers count the header as line 1. A line that is not well-formed CSV (a quote out of
    /// place) comes back marked unreadable, so the import refuses it with the others rather than reading a guess.
    /// </summary>
    public static async Task<IReadOnlyList<ImportRow>> ReadAsync(Stream content, CancellationToken cancellationToken)
    {
        string? unreadable = null;
        var configuration = CsvFiles.Configuration(problem => unreadable ??= problem);
        using var reader = new StreamReader(content);
        using var csv = new CsvReader(reader, configuration);
        if (!await csv.ReadAsync() || !csv.ReadHeader())
            throw new DomainException($"The file is empty: expected a header '{string.Join(",", Columns)}'.", DomainError.Unprocessable);
        var header = CsvFiles.Header(csv);
        var missing = Columns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new DomainException(
                $"Nothing was imported: line 1 (the header) lacks the column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}; " +
                $"expected '{string.Join(",", Columns)}'.", DomainError.Unprocessable);
        }

        var rows = new List<ImportRow>();
        while (await csv.ReadAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (rows.Count == MaxRows)
                throw new DomainException($"Nothing was imported: at most {MaxRows:N0} judgments are taken per file; split it.", DomainError.Unprocessable);
            unreadable = null;
            var row = new ImportRow(CsvFiles.FirstLine(csv.Parser), csv.GetField("participant"), csv.GetField("prompt"), csv.GetField("task"),
                csv.GetField("left"), csv.GetField("right"), csv.GetField("choice"));
            rows.Add(row with { Unreadable = unreadable });
        }
        return rows;
    }
}
