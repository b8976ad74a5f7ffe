using System.Diagnostics;

namespace Platform.Benchmarks;

/// <summary>
/// One HTTP attempt (or, for <see cref="LoadRecorder.Arrivals"/>, one open-loop arrival), in Stopwatch ticks.
/// Status 0 is a transport error (<paramref name="Error"/> says which); <paramref name="Start"/> is the scheduled
/// start where the request waited for its turn (open loop), so queueing in the load generator is counted.
/// </summary>
public readonly record struct Sample(string Endpoint, int Status, long Start, long End, string? Error = null)
{
    public double Milliseconds => (End - Start) * 1000.0 / Stopwatch.Frequency;
}

/// <summary>Every request of a run; the report keeps those that started in the measured window.</summary>
public sealed class LoadRecorder(TimeSpan warmup, TimeSpan measured)
{
    public const string Sessions = "sessions";
    public const string Next = "next";
    public const string Judgments = "judgments";
    public const string Arrivals = "arrivals";

    private readonly List<Sample> _samples = [];

    public long Origin { get; } = Stopwatch.GetTimestamp();

    public long WindowStart => Origin + Ticks(warmup);

    public long WindowEnd => WindowStart + Ticks(measured);

    public TimeSpan Measured => measured;

    public bool Stopped => Stopwatch.GetTimestamp() >= WindowEnd;

    public void Add(Sample sample)
    {
        lock (_samples) _samples.Add(sample);
    }

    public List<Sample> InWindow()
    {
        lock (_samples) return [.. _samples.Where(s => s.Start >= WindowStart && s.Start < WindowEnd)];
    }

    /// <summary>Judgments acknowledged (200 or 201) over the whole run, warm-up included: what the study has used up.</summary>
    public int AllAcknowledged()
    {
        lock (_samples) return _samples.Count(s => s.Endpoint == Judgments && s.Status is 200 or 201);
    }

    /// <summary>Judgments acknowledged within the measured window (by the time the answer came), per second.</summary>
    public double JudgmentsPerSecond()
    {
        lock (_samples)
            return _samples.Count(s => s.Endpoint == Judgments && s.Status is 200 or 201 && s.End >= WindowStart && s.End < WindowEnd) / measured.TotalSeconds;
    }

    public static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
