namespace Platform.Studies;

/// <summary>
/// The slot ledger: one row per trial given to a session. Counting live rows under the study's lock is what keeps
/// any trial from passing k judgments. Written in the same transaction as the session's events.
/// </summary>
public sealed class TrialSlot
{
    public Guid Id { get; set; }
    public Guid StudyId { get; set; }
    public Guid TrialId { get; set; }
    public Guid SessionId { get; set; }
    public bool IsGold { get; set; }

    /// <summary>The condition shown on the left, for counterbalancing; null on slots written before it was kept.</summary>
    public string? LeftCondition { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
    public DateTimeOffset? JudgedAt { get; set; }
    public bool Released { get; set; }

    public static Guid IdFor(Guid sessionId, Guid trialId) => Common.StableId.From("slot", sessionId, trialId);

    /// <summary>Counts against k: answered, or given recently enough that an answer may still come.</summary>
    public bool IsLive(DateTimeOffset cutoff) => !Released && (JudgedAt is not null || AssignedAt > cutoff);
}
