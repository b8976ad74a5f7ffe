using Marten;

namespace Platform.Web.Hosting.Database;

public static class StreamDecisions
{
    /// <summary>
    /// Loads an aggregate for writing, asks <paramref name="decide"/> for the event (null: nothing to do) and appends
    /// it with optimistic concurrency, in a session of its own.
    /// </summary>
    public static async Task DecideAsync<T>(this IDocumentStore store, Guid streamId, Func<IDocumentSession, T, Task<object?>> decide,
        Func<Exception> notFound, CancellationToken cancellationToken) where T : class
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<T>(streamId, cancellationToken);
        if (stream.Aggregate is null) throw notFound();
        var decided = await decide(session, stream.Aggregate);
        if (decided is null) return;
        stream.AppendOne(decided);
        await session.SaveChangesAsync(cancellationToken);
    }
}
