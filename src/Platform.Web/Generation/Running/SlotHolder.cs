using Platform.Generation;

namespace Platform.Web.Generation.Running;

/// <summary>
/// The slot a run holds on its server, if any. It is given back in one place, <see cref="ReleaseAsync"/>: when the
/// server reports the job done (its GPU is free for the next job while this one downloads), or when the run ends.
/// </summary>
public sealed class SlotHolder(ServerSlots slots, Guid serverId, int limit) : IAsyncDisposable
{
    private IAsyncDisposable? _held;

    public async Task<Observation> TakeAsync(TimeSpan within, CancellationToken cancellationToken)
    {
        await ReleaseAsync();
        _held = await slots.AcquireAsync(serverId, limit, within, cancellationToken);
        return _held is null ? new Observation.NoSlot() : new Observation.SlotTaken();
    }

    public async Task<Observation> ReleaseAsync()
    {
        if (Interlocked.Exchange(ref _held, null) is { } held) await held.DisposeAsync();
        return new Observation.SlotReleased();
    }

    public async ValueTask DisposeAsync() => await ReleaseAsync();
}
