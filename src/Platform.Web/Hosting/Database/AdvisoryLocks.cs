using Marten;

namespace Platform.Hosting.Database;

/// <summary>PostgreSQL advisory locks keyed by an id, shared by every process on the database.</summary>
public static class AdvisoryLocks
{
    /// <summary>Begins the session's transaction (if not yet begun) and takes the id's lock in it, until it ends.</summary>
    public static async Task InTransactionAsync(IDocumentSession session, Guid id, CancellationToken cancellationToken)
    {
        await session.BeginTransactionAsync(cancellationToken);
        await session.QueryAsync<int>("select 1 from (select pg_advisory_xact_lock(?)) as locked", cancellationToken, Key64(id));
    }

    // The first 8 bytes, as the study locks have always used: processes of two versions still take the same lock.
    public static long Key64(Guid id) => BitConverter.ToInt64(id.ToByteArray(), 0);

    /// <summary>All 16 bytes count, so ids that differ anywhere get different keys.</summary>
    public static int Key32(Guid id)
    {
        var bytes = id.ToByteArray();
        return BitConverter.ToInt32(bytes, 0) ^ BitConverter.ToInt32(bytes, 4) ^ BitConverter.ToInt32(bytes, 8) ^ BitConverter.ToInt32(bytes, 12);
    }
}
