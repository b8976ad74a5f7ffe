namespace Platform.Results;

/// <summary>One imported file, kept whole; its judgments are marked as imported in every export.</summary>
public sealed class JudgmentImport
{
    public Guid Id { get; set; }
    public Guid StudyId { get; set; }
    public string FileName { get; set; } = string.Empty;
    public List<ImportedJudgment> Judgments { get; set; } = [];
    public Guid By { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>What the file held (<see cref="ImportedContent"/>), so the same judgments are not imported twice; null on older imports.</summary>
    public string? ContentHash { get; set; }

    public static JudgmentImport Create(JudgmentsImported e) => new()
    {
        Id = e.ImportId,
        StudyId = e.StudyId,
        FileName = e.FileName,
        Judgments = [.. e.Judgments],
        By = e.By,
        At = e.At,
        ContentHash = e.ContentHash,
    };
}
