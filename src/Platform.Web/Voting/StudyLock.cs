using Marten;

namespace Platform.Voting;

/// <summary>
/// A transaction-scoped PostgreSQL advisory lock per study: trial assignment of one study runs one at a time, across
/// every web process, and the lock ends with the transaction.
/// </summary>
public static class StudyLock
{
    public static async Task AcquireAsync(IDocumentSession session, Guid studyId, CancellationToken cancellationToken)
    {
        var key = BitConverter.ToInt64(studyId.ToByteArray(), 0);
        await session.QueryAsync<int>("select 1 from (select pg_advisory_xact_lock(?)) as locked", cancellationToken, key);
    }
}
