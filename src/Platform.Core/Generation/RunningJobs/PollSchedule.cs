namespace Platform.Generation;

/// <summary>
/// When to ask a server about a submitted job again. A GPU job of a given setup takes about as long each time, so
/// the server's shortest recent duration says when this one is likely to end: until shortly before then the job
/// sleeps (at most <c>longest</c> at a time, so a cancellation is noticed), around it polls every <c>shortest</c>, and
/// after it backs off, each pause half the time overdue, up to <c>longest</c>. Without history it backs off from the
/// submission. So a usual job is noticed within <c>shortest</c> of its end, and a stuck one costs few requests.
/// </summary>
public static class PollSchedule
{
    /// <summary>Polling starts this share of the expected duration early (jobs vary a little)…</summary>
    public const double Lead = 0.1;

    /// <summary>…but at most this early, so a job of many minutes is not asked about ten times a second for long.</summary>
    public static readonly TimeSpan LongestLead = TimeSpan.FromSeconds(2);

    /// <param name="elapsed">Since the submission.</param>
    /// <param name="recentSeconds">The server's recent job durations (submission to reported completion), oldest first.</param>
    public static TimeSpan Next(TimeSpan elapsed, IReadOnlyList<double> recentSeconds, TimeSpan shortest, TimeSpan longest)
    {
        var expected = Expected(recentSeconds);
        var window = expected * Lead < LongestLead ? expected * Lead : LongestLead;
        var start = expected - window;
        if (elapsed < start) return Clamp(start - elapsed, shortest, longest);
        if (elapsed < expected + window) return shortest;
        return Clamp(shortest + (elapsed - expected - window) / 2, shortest, longest);
    }

    /// <summary>The shortest of the last ten durations: a lower bound that the polling delay itself does not inflate.</summary>
    public static TimeSpan Expected(IReadOnlyList<double> recentSeconds) =>
        recentSeconds.Count == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(recentSeconds.TakeLast(10).Min());

    private static TimeSpan Clamp(TimeSpan value, TimeSpan shortest, TimeSpan longest) =>
        value < shortest ? shortest : value > longest ? longest : value;
}
