using System.Globalization;

namespace Platform.Benchmarks;

/// <summary>
/// Throughput and, per endpoint, the latency percentiles of every request that started in the measured window
/// (durations sorted, nearest rank) with every status seen; refusals and transport errors by kind.
/// </summary>
public static class LoadReport
{
    public static void Print(LoadRecorder recorder, string loop)
    {
        var samples = recorder.InWindow();
        Console.WriteLine();
        Console.WriteLine($"measured window: {recorder.Measured.TotalSeconds:0} s after the warm-up; {loop}");
        var perSecond = recorder.JudgmentsPerSecond();
        Console.WriteLine($"judgments/s: {perSecond:0.0} ({perSecond * recorder.Measured.TotalSeconds:0} judgments acknowledged, 200 or 201, within the window)");
        Console.WriteLine($"{"endpoint",-10} {"count",7} {"p50",8} {"p95",8} {"p99",8} {"max",8}  (ms)  statuses");
        foreach (var endpoint in new[] { LoadRecorder.Sessions, LoadRecorder.Next, LoadRecorder.Judgments, LoadRecorder.Arrivals })
        {
            var these = samples.Where(s => s.Endpoint == endpoint).ToList();
            if (these.Count == 0 && endpoint == LoadRecorder.Arrivals) continue;
            var sorted = these.Select(s => s.Milliseconds).Order().ToList();
            Console.WriteLine($"{endpoint,-10} {these.Count,7} {Ms(sorted, 0.50),8} {Ms(sorted, 0.95),8} {Ms(sorted, 0.99),8} {Ms(sorted, 1),8}        {Statuses(these)}");
        }
        var retried = samples.Count(s => s.Status is 429 or 503);
        Console.WriteLine($"retried after Retry-After (429/503): {retried}");
        var errors = samples.Where(s => s.Status == 0 && s.Endpoint != LoadRecorder.Arrivals).GroupBy(s => $"{s.Endpoint}: {s.Error}").ToList();
        Console.WriteLine(errors.Count == 0 ? "transport errors: none" : "transport errors:");
        foreach (var error in errors.OrderByDescending(g => g.Count())) Console.WriteLine($"  {error.Count(),6} × {error.Key}");
    }

    /// <summary>"201 × 1200, 200 × 3; non-2xx: 409 × 2, transport error × 1".</summary>
    private static string Statuses(List<Sample> samples)
    {
        string Count(IEnumerable<Sample> these) => string.Join(", ", these.GroupBy(s => s.Status).OrderByDescending(g => g.Count())
            .Select(g => $"{Label(g.Key, g.First().Endpoint)} × {g.Count()}"));
        var ok = samples.Where(s => s.Status is >= 200 and < 300).ToList();
        var other = samples.Where(s => s.Status is < 200 or >= 300).ToList();
        return $"{(ok.Count == 0 ? "no 2xx" : Count(ok))}; non-2xx: {(other.Count == 0 ? "none" : Count(other))}";
    }

    private static string Label(int status, string endpoint) => status switch
    {
        OpenLoop.Unfinished => "unfinished",
        0 when endpoint == LoadRecorder.Arrivals => "failed",
        0 => "transport error",
        _ => status.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Nearest-rank percentile, formatted.</summary>
    private static string Ms(List<double> sorted, double p) =>
        sorted.Count == 0 ? "-" : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)].ToString("0.0", CultureInfo.InvariantCulture);
}
