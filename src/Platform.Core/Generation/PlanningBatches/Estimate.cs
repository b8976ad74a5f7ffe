namespace Platform.Generation;

/// <summary>How long a batch should take on each server, and overall (servers work in parallel).</summary>
public sealed record BatchEstimate(IReadOnlyDictionary<Guid, TimeSpan?> PerServer, TimeSpan? Total);

public static class Estimating
{
    /// <summary>
    /// Jobs run <c>MaxConcurrentJobs</c> at a time per server, each taking the median of the server's recent job
    /// durations; a server without history leaves its part (and the total) unknown.
    /// </summary>
    public static BatchEstimate For(IEnumerable<PlannedJob> jobs, IReadOnlyDictionary<Guid, int> limits, IReadOnlyDictionary<Guid, IReadOnlyList<double>> recentSeconds)
    {
        var perServer = new Dictionary<Guid, TimeSpan?>();
        foreach (var group in jobs.GroupBy(j => j.ServerId))
        {
            var history = recentSeconds.GetValueOrDefault(group.Key) ?? [];
            if (history.Count == 0)
            {
                perServer[group.Key] = null;
                continue;
            }
            var sorted = history.Order().ToList();
            var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
            var waves = (int)Math.Ceiling(group.Count() / (double)Math.Max(1, limits.GetValueOrDefault(group.Key, 1)));
            perServer[group.Key] = TimeSpan.FromSeconds(waves * median);
        }
        var total = perServer.Count == 0 ? TimeSpan.Zero : perServer.Values.Any(v => v is null) ? (TimeSpan?)null : perServer.Values.Max();
        return new BatchEstimate(perServer, total);
    }
}
