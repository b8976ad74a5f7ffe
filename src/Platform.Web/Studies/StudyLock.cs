using Marten;
using Platform.Web.Hosting.Database;

namespace Platform.Web.Studies;

/// <summary>
/// A transaction-scoped PostgreSQL advisory lock per study, across every web process; it ends with the transaction.
/// Taken exclusively by what changes a study's settings or imports judgments, and shared by every answer
/// (<see cref="Voting.Slots.SlotLedger.JudgeAsync"/>): answers never wait for each other, and no answer lands between
/// a settings change's count of the judgments and the change.
/// </summary>
public static class StudyLock
{
    /// <summary>Begins the session's transaction (if not yet begun) and takes the study's lock in it.</summary>
    public static Task AcquireAsync(IDocumentSession session, Guid studyId, CancellationToken cancellationToken) =>
        AdvisoryLocks.InTransactionAsync(session, studyId, cancellationToken);
}
