using System.Diagnostics;

namespace Platform.RenderServer.Jobs;

public sealed record StatsSnapshot(
    int Submitted,
    int Rendered,
    int Failed,
    int Cancelled,
    int Rejected,
    int Running,
    int MaxConcurrentObserved,
    double BusySeconds);

/// <summary>
/// Counters for tests. BusySeconds is wall-clock time with at least one job holding a render slot (a GPU's busy
/// time, including the latency wait inside the slot), not the sum of per-job render times.
/// </summary>
public sealed class RenderStats
{
    private readonly Lock gate = new();
    private int submitted, rendered, failed, cancelled, rejected, running, maxConcurrent;
    private double busySeconds;
    private long busySince;

    public void Submitted() => Count(ref submitted);
    public void Rendered() => Count(ref rendered);
    public void Failed() => Count(ref failed);
    public void Cancelled() => Count(ref cancelled);
    public void Rejected() => Count(ref rejected);

    public void SlotTaken()
    {
        lock (gate)
        {
            if (running++ == 0)
            {
                busySince = Stopwatch.GetTimestamp();
            }
            maxConcurrent = Math.Max(maxConcurrent, running);
        }
    }

    public void SlotFreed()
    {
        lock (gate)
        {
            if (--running == 0)
            {
                busySeconds += Stopwatch.GetElapsedTime(busySince).TotalSeconds;
            }
        }
    }

    public StatsSnapshot Snapshot()
    {
        lock (gate)
        {
            var busy = busySeconds + (running > 0 ? Stopwatch.GetElapsedTime(busySince).TotalSeconds : 0);
            return new StatsSnapshot(submitted, rendered, failed, cancelled, rejected, running, maxConcurrent, busy);
        }
    }

    /// <summary>Zeroes the counters; jobs still rendering stay counted as running.</summary>
    public void Reset()
    {
        lock (gate)
        {
            submitted = rendered = failed = cancelled = rejected = 0;
            maxConcurrent = running;
            busySeconds = 0;
            busySince = Stopwatch.GetTimestamp();
        }
    }

    private void Count(ref int counter)
    {
        lock (gate)
        {
            counter++;
        }
    }
}
