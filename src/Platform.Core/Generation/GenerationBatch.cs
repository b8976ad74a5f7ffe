namespace Platform.Generation;

/// <summary>A researcher's request to fill a study with generated candidates; each job runs in a stream of its own.</summary>
public sealed class GenerationBatch
{
    public Guid Id { get; set; }
    public Guid StudyId { get; set; }
    public List<PlannedJob> Jobs { get; set; } = [];
    public int AlreadyThere { get; set; }
    public bool Cancelled { get; set; }
    public Guid By { get; set; }
    public DateTimeOffset PlannedAt { get; set; }

    public static GenerationBatch Create(GenerationBatchPlanned e) => new()
    {
        Id = e.BatchId,
        StudyId = e.StudyId,
        Jobs = [.. e.Jobs],
        AlreadyThere = e.AlreadyThere,
        By = e.By,
        PlannedAt = e.At,
    };

    public void Apply(GenerationBatchCancelled _) => Cancelled = true;
}
