using System.Collections.Concurrent;

namespace Platform.Web.Voting.Slots;

/// <summary>
/// The latest read of something per key, shared by every request of the process: a request uses it while it is
/// usable, and when it is not, one new read starts and the requests meanwhile await that one. A failed read is not kept.
/// </summary>
public sealed class SharedReads<TKey, T> where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Lazy<Task<T>>> _reads = new();

    public async Task<T> GetAsync(TKey key, Func<T, bool> usable, Func<Task<T>> read, CancellationToken cancellationToken)
    {
        var current = _reads.GetOrAdd(key, _ => new(read));
        var value = await AwaitAsync(key, current, cancellationToken);
        if (usable(value)) return value;
        var next = new Lazy<Task<T>>(read);
        var winner = _reads.TryUpdate(key, next, current) ? next : _reads.GetOrAdd(key, next);
        return await AwaitAsync(key, winner, cancellationToken);
    }

    private async Task<T> AwaitAsync(TKey key, Lazy<Task<T>> read, CancellationToken cancellationToken)
    {
        try
        {
            return await read.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            _reads.TryRemove(KeyValuePair.Create(key, read));
            throw;
        }
    }
}
