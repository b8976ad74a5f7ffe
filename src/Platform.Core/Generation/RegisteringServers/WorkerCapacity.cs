namespace Platform.Generation;

public enum CapacityLevel
{
    Enough,
    Tight,
    TooFew,
}

/// <summary>
/// Whether the generation workers running can keep the registered servers busy. Each running job holds a worker, so
/// fewer workers than server slots leave slots empty; and a freed slot is handed over at once only to a job already
/// waiting for it, which takes about two workers per slot (one running, one waiting).
/// </summary>
public sealed record WorkerCapacity(CapacityLevel Level, string Message)
{
    /// <param name="workers">Generation workers across the running worker processes.</param>
    /// <param name="processes">Worker processes taking generation jobs.</param>
    /// <param name="slots">The registered servers' "at once" limits, added up.</param>
    public static WorkerCapacity For(int workers, int processes, int slots)
    {
        var running = $"{workers} generation {Plural(workers, "worker")} in {processes} worker {Plural(processes, "process", "processes")}";
        if (slots == 0) return new(CapacityLevel.Enough, running + ".");
        if (processes == 0)
            return new(CapacityLevel.TooFew, "No worker process is running: generation jobs wait until one starts (Platform:Role worker or both).");
        if (workers < slots)
        {
            return new(CapacityLevel.TooFew,
                $"The servers take {slots} jobs at once, but {running} run at most {workers} together: raise Generation:Workers or start another worker process.");
        }
        if (workers < 2 * slots)
        {
            return new(CapacityLevel.Tight,
                $"{running} for {slots} server {Plural(slots, "slot")}: a freed slot goes at once only to a job already waiting for it; {2 * slots} workers or more keep every server fed.");
        }
        return new(CapacityLevel.Enough, $"{running} for {slots} server {Plural(slots, "slot")}.");
    }

    private static string Plural(int count, string one, string? many = null) => count == 1 ? one : many ?? one + "s";
}
