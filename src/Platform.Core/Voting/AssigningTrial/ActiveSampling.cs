using Platform.Studies;

namespace Platform.Voting;

/// <summary>A trial a participant may be given: its place in the caller's list, its goal unit, and its judgments so far (answered or held).</summary>
public readonly record struct Candidate(int Index, string Unit, int Live);

/// <summary>
/// Where an adaptive study spends its next judgment: the active-sampling rule of Chatbot Arena (Chiang et al. 2024,
/// "Chatbot Arena: an open platform for evaluating LLMs by human preference", ICML, section 5), which draws a unit with
/// chance proportional to how much one more judgment shrinks its standard error, √(σ̂²/n) − √(σ̂²/(n + 1)), among the
/// units whose part of the goal is still open; inside the unit, the trial with the fewest judgments. Every trial first
/// gets the goal's floor, least-judged first, so every prompt is seen. The draw is random, so no participant can tell
/// from the order which pairs are close; sides stay counterbalanced (<see cref="Sides"/>) and gold trials keep their
/// places (<see cref="GoldSchedule"/>), as in a fixed-k study.
/// </summary>
public static class ActiveSampling
{
    /// <summary>The expected shrinking of a unit's standard error from one more judgment; infinite before its first.</summary>
    public static double Weight(UnitCounts unit)
    {
        if (unit.N == 0) return double.PositiveInfinity;
        return Shrinking(unit.Variance, unit.N);
    }

    /// <summary>√(σ²/n) − √(σ²/(n + 1)): how much one more judgment shrinks a standard error.</summary>
    private static double Shrinking(double variance, long n) => Math.Sqrt(variance / n) - Math.Sqrt(variance / (n + 1));

    /// <summary>
    /// The same on the Elo scale, for a ranking's precision: one judgment's variance there is that of the log-odds of the
    /// pair's share, 1 / (q(1 − q)), over the share of answers that are not ties (q and the tie share with one made-up
    /// answer each way), so pairs far apart — whose Elo intervals are widest — get the judgments they need.
    /// </summary>
    public static double EloWeight(UnitCounts unit)
    {
        if (unit.N == 0) return double.PositiveInfinity;
        var share = (unit.First + 1.0) / (unit.First + unit.Second + 2.0);
        var preferring = (unit.First + unit.Second + 1.0) / (unit.N + 2.0);
        return Shrinking(1 / (share * (1 - share)) / preferring, unit.N);
    }

    /// <summary>The weights of the units still open: what <see cref="Choose"/> draws from. Stopped units get none.</summary>
    public static IReadOnlyDictionary<string, double> OpenWeights(GoalStatus status, IReadOnlyList<UnitCounts> counts)
    {
        var open = status.Units.Where(u => u.IsOpen).Select(u => u.Unit).ToHashSet(StringComparer.Ordinal);
        if (status.Ratings is { } ratings)
        {
            // A judgment narrows both conditions' ratings: it counts for each of them whose interval is still too wide.
            var wide = ratings.Where(r => r.IsOpen).Select(r => r.Unit).ToHashSet(StringComparer.Ordinal);
            return counts.Where(c => open.Contains(c.Unit.Name)).ToDictionary(c => c.Unit.Name,
                c => EloWeight(c) * ((wide.Contains(c.Unit.First) ? 1 : 0) + (wide.Contains(c.Unit.Second!) ? 1 : 0)), StringComparer.Ordinal);
        }
        return counts.Where(c => open.Contains(c.Unit.Name)).ToDictionary(c => c.Unit.Name, Weight, StringComparer.Ordinal);
    }

    /// <summary>
    /// The index of the candidate to hand out, or −1 when there is none. Without <paramref name="weights"/> (a fixed-k
    /// study) the least-judged candidate; with them, only candidates of open units: below <paramref name="floor"/> the
    /// least-judged, above it a unit drawn by weight and its least-judged trial. Ties fall at random.
    /// </summary>
    public static int Choose(IReadOnlyList<Candidate> candidates, IReadOnlyDictionary<string, double>? weights, int floor, Random random)
    {
        var open = weights is null ? [.. candidates] : candidates.Where(c => weights.ContainsKey(c.Unit)).ToList();
        if (open.Count == 0) return -1;
        var fewest = open.Min(c => c.Live);
        if (weights is null || fewest < floor) return LeastJudged(open, random);

        var units = open.Select(c => c.Unit).Distinct(StringComparer.Ordinal).ToList();
        var unit = Draw(units, units.Select(u => weights[u]).ToList(), random);
        return LeastJudged([.. open.Where(c => c.Unit == unit)], random);
    }

    private static int LeastJudged(List<Candidate> candidates, Random random)
    {
        var fewest = candidates.Min(c => c.Live);
        var tied = candidates.Where(c => c.Live == fewest).ToList();
        return tied[random.Next(tied.Count)].Index;
    }

    /// <summary>One item with chance proportional to its weight; the unweighed (infinite) ones first, evenly.</summary>
    private static string Draw(List<string> items, List<double> weights, Random random)
    {
        var fresh = items.Where((_, i) => double.IsPositiveInfinity(weights[i])).ToList();
        if (fresh.Count > 0) return fresh[random.Next(fresh.Count)];
        var total = weights.Sum();
        if (!(total > 0)) return items[random.Next(items.Count)];
        var x = random.NextDouble() * total;
        for (var i = 0; i < items.Count; i++)
        {
            x -= weights[i];
            if (x < 0) return items[i];
        }
        return items[^1];
    }
}
