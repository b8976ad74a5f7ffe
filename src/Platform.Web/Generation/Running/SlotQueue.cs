using Npgsql;

namespace Platform.Web.Generation.Running;

/// <summary>
/// One server as a process sees it: the jobs waiting for its slots, first come first served, whether a prober looks
/// for free slots on their behalf, and a signal that a slot was freed.
/// </summary>
internal sealed class SlotQueue(Guid id, int key)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<Waiter> _waiters = [];
    private TaskCompletionSource _freed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _probing;

    public Guid Id => id;

    public int Key => key;

    /// <summary>Completes when a slot is freed (or a job starts waiting) after it was read.</summary>
    public Task Freed => Volatile.Read(ref _freed).Task;

    public Task? Probing { get; set; }

    public int Waiting
    {
        get
        {
            lock (_gate) return _waiters.Count;
        }
    }

    public void Pulse() =>
        Interlocked.Exchange(ref _freed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <returns>The waiter, and whether the caller must start the prober (none runs).</returns>
    public (LinkedListNode<Waiter> Waiter, bool StartProbing) Join(int limit)
    {
        lock (_gate)
        {
            var waiter = _waiters.AddLast(new Waiter(limit));
            var start = !_probing;
            _probing = true;
            // A running prober looks again, for this job's limit too.
            Pulse();
            return (waiter, start);
        }
    }

    /// <returns>The highest limit a job waits with; 0 when none waits, and the prober stops (under the same lock as
    /// <see cref="Join"/>, so a job joining just then starts a new one).</returns>
    public int WidestWaiting()
    {
        lock (_gate)
        {
            if (_waiters.Count == 0) _probing = false;
            return _waiters.Count == 0 ? 0 : _waiters.Max(w => w.Limit);
        }
    }

    /// <returns>False when a slot was handed to this waiter before it could leave.</returns>
    public bool Leave(LinkedListNode<Waiter> waiter)
    {
        lock (_gate)
        {
            if (waiter.List is null) return false;
            _waiters.Remove(waiter);
            return true;
        }
    }

    /// <returns>False when nobody here waits for a slot this one can be (a lowered limit leaves the top slots unused).</returns>
    public bool HandOver(NpgsqlConnection connection, int slot)
    {
        lock (_gate)
        {
            for (var waiter = _waiters.First; waiter is not null; waiter = waiter.Next)
            {
                if (slot >= waiter.Value.Limit) continue;
                _waiters.Remove(waiter);
                waiter.Value.Handed.SetResult(new HeldSlot(this, connection, slot));
                return true;
            }
            return false;
        }
    }

    /// <summary>A slot a prober took: to the first job it fits, else (the job left meanwhile) freed again.</summary>
    public async Task HandOverOrFreeAsync(HeldSlot slot)
    {
        if (!HandOver(slot.Connection, slot.Number)) await slot.DisposeAsync();
    }

    /// <summary>A job waiting for a slot, with the server's limit as it read it.</summary>
    internal sealed record Waiter(int Limit)
    {
        public TaskCompletionSource<IAsyncDisposable> Handed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
