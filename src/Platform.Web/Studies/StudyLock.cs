using Marten;
using Platform.Hosting.Database;

namespace Platform.Studies;

/// <summary>
/// A transaction-scoped PostgreSQL advisory lock per study, across every web process; it ends with the transaction.
/// Held by everything that assigns trials or changes what the study's results count (judgments, imports, settings),
/// so assignment never exceeds k and the study's tally (an inline projection) never loses an update.
/// </summary>
public static class StudyLock
{
    /// <summary>Begins the session's transaction (if not yet begun) and takes the study's lock in it.</summary>
    public static Task AcquireAsync(IDocumentSession session, Guid studyId, CancellationToken cancellationToken) =>
        AdvisoryLocks.InTransactionAsync(session, studyId, cancellationToken);
}
