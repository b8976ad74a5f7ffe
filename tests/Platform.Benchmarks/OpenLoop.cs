using System.Collections.Concurrent;
using System.Diagnostics;

namespace Platform.Benchmarks;

/// <summary>What the open loop did besides the requests: arrivals sent late, dropped, or still running at the end.</summary>
public sealed record OpenLoopCounts(long Scheduled, long Late, long Dropped, int Unfinished, double MeanInFlight);

/// <summary>
/// Arrivals at a fixed rate whatever the platform's speed (open loop): each is one participant step — next, then an
/// answer — on an idle session from a pool (a new session when none is idle or the one taken is finished). Each
/// arrival's first request is timed from its scheduled start, so time spent waiting behind a slow platform counts
/// (no coordinated omission); the arrival as a whole, scheduled start to answer acknowledged, is reported too.
/// </summary>
public static class OpenLoop
{
    /// <summary>An arrival sent later than this after its scheduled time counts as late (the generator fell behind).</summary>
    private static readonly TimeSpan LateAfter = TimeSpan.FromMilliseconds(10);

    /// <summary>How long arrivals still running when the schedule ends may take to finish.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    /// <summary>The status of an arrival still running after the grace period.</summary>
    public const int Unfinished = -1;

    public static async Task<OpenLoopCounts> RunAsync(VoterCalls calls, LoadRecorder recorder, double rate, bool ramp, int maxInFlight, CancellationToken cancellationToken)
    {
        var idle = new ConcurrentQueue<string>();
        var running = new ConcurrentDictionary<long, Task>();
        var warmup = (recorder.WindowStart - recorder.Origin) / (double)Stopwatch.Frequency;
        long Schedule(long i) => recorder.Origin + (long)(Offset(i, rate, ramp ? warmup : 0) * Stopwatch.Frequency);
        long late = 0, dropped = 0, scheduledInWindow = 0, participants = 0;
        for (long i = 0; !cancellationToken.IsCancellationRequested; i++)
        {
            var scheduled = Schedule(i);
            if (scheduled >= recorder.WindowEnd) break;
            await WaitUntilAsync(scheduled, cancellationToken);
            var measured = scheduled >= recorder.WindowStart;
            if (measured) scheduledInWindow++;
            if (running.Count >= maxInFlight)
            {
                if (measured) dropped++;
                continue;
            }
            if (measured && Stopwatch.GetTimestamp() - scheduled > LoadRecorder.Ticks(LateAfter)) late++;
            var n = i;
            running[n] = Task.Run(async () =>
            {
                try
                {
                    await ArriveAsync(calls, recorder, idle, scheduled, () => $"open-{Interlocked.Increment(ref participants)}");
                }
                finally
                {
                    running.TryRemove(n, out _);
                }
            }, CancellationToken.None);
        }
        await Task.WhenAny(Task.WhenAll(running.Values), Task.Delay(Grace, CancellationToken.None));
        // Still running: recorded as they stand (a lower bound on their latency), so the worst are not left out.
        var now = Stopwatch.GetTimestamp();
        var unfinished = running.Keys.Select(Schedule).Where(s => s >= recorder.WindowStart).ToList();
        foreach (var scheduled in unfinished) recorder.Add(new Sample(LoadRecorder.Arrivals, Unfinished, scheduled, now, "unfinished"));
        var inFlight = recorder.InWindow().Where(s => s.Endpoint == LoadRecorder.Arrivals).Sum(s => s.Milliseconds) / recorder.Measured.TotalMilliseconds;
        return new OpenLoopCounts(scheduledInWindow, late, dropped, unfinished.Count, inFlight);
    }

    /// <summary>
    /// Seconds from the start to arrival <paramref name="i"/>: the rate rises linearly from 0 to R over the ramp (R t² / 2r
    /// arrivals by time t), as a crowd arrives and a cold platform warms up, then stays at R.
    /// </summary>
    private static double Offset(long i, double rate, double ramp) =>
        i < rate * ramp / 2 ? Math.Sqrt(2 * ramp * i / rate) : ramp / 2 + i / rate;

    private static async Task WaitUntilAsync(long timestamp, CancellationToken cancellationToken)
    {
        // Task.Delay wakes a millisecond or so late on Linux: good enough at hundreds of arrivals a second.
        var ahead = (timestamp - Stopwatch.GetTimestamp()) * 1000 / Stopwatch.Frequency;
        if (ahead < 1) return;
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(ahead), cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: the loop ends at its next check.
        }
    }

    private static async Task ArriveAsync(VoterCalls calls, LoadRecorder recorder, ConcurrentQueue<string> idle, long scheduled, Func<string> newParticipant)
    {
        long? due = scheduled;
        var finished = false;
        // An idle session, or a new one when none is idle or the one taken was finished (its next said 204).
        for (var attempt = 0; attempt < 2; attempt++)
        {
            string? waiting = null;
            var token = !finished && idle.TryDequeue(out waiting) ? waiting : await calls.StartSessionAsync(newParticipant(), due);
            if (token is null) break;
            if (waiting is null) due = null;
            var (outcome, trial) = await calls.NextAsync(token, due);
            due = null;
            finished = outcome == NextOutcome.Finished;
            if (finished) continue;
            if (outcome == NextOutcome.Failed) break;
            if (!await calls.JudgeAsync(token, trial!)) break;
            idle.Enqueue(token);
            recorder.Add(new Sample(LoadRecorder.Arrivals, 201, scheduled, Stopwatch.GetTimestamp()));
            return;
        }
        recorder.Add(new Sample(LoadRecorder.Arrivals, 0, scheduled, Stopwatch.GetTimestamp(), "the step failed (see the requests)"));
    }
}
