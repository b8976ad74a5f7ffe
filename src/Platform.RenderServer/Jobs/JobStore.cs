namespace Platform.RenderServer.Jobs;

/// <summary>The in-memory job store both protocols share; like the GPU servers it stands in for, it keeps nothing across restarts.</summary>
public sealed class JobStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, RenderJob> jobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> idempotencyKeys = new(StringComparer.Ordinal);
    private int nextNumber;

    /// <summary>Returns the job already stored under the draft's id or idempotency key, or adds the one <paramref name="create"/> makes.</summary>
    public (RenderJob Job, bool Created) GetOrAdd(JobDraft draft, Func<int, RenderJob> create)
    {
        lock (gate)
        {
            if (draft.IdempotencyKey is { } key && idempotencyKeys.TryGetValue(key, out var keyedId) && jobs.TryGetValue(keyedId, out var keyed))
            {
                return (keyed, false);
            }
            if (jobs.TryGetValue(draft.Id, out var existing))
            {
                return (existing, false);
            }
            var job = create(nextNumber++);
            jobs[draft.Id] = job;
            if (draft.IdempotencyKey is { } newKey)
            {
                idempotencyKeys[newKey] = draft.Id;
            }
            return (job, true);
        }
    }

    public RenderJob? Find(string id)
    {
        lock (gate)
        {
            return jobs.GetValueOrDefault(id);
        }
    }

    public bool Remove(string id)
    {
        lock (gate)
        {
            return jobs.Remove(id);
        }
    }

    /// <summary>Every stored job in submission order.</summary>
    public IReadOnlyList<RenderJob> All()
    {
        lock (gate)
        {
            return [.. jobs.Values.OrderBy(job => job.Number)];
        }
    }

    /// <summary>Forgets every job and restarts the numbering; returns what was forgotten.</summary>
    public IReadOnlyList<RenderJob> Clear()
    {
        lock (gate)
        {
            var all = jobs.Values.ToList();
            jobs.Clear();
            idempotencyKeys.Clear();
            nextNumber = 0;
            return all;
        }
    }
}
