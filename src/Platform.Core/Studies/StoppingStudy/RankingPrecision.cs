using Platform.Results;

namespace Platform.Studies;

/// <summary>
/// "Every Bradley–Terry rating within w Elo points", for a study of all pairs. Each pair's share preferring its first
/// condition, ties left out, has an always-valid interval (<see cref="DecisionGoal"/>, α split over the pairs, so they
/// all hold at once); through the Elo scale, 400 log₁₀(q / (1 − q)), it bounds the pair's rating difference. A
/// condition's rating (mean 0 over the conditions) is under the Bradley–Terry model the mean of its differences to
/// every condition, itself included at 0, so its interval is the mean of those bounds; without the model it is the
/// interval of that mean Elo difference, the same figure. A pair keeps taking judgments while one of its conditions'
/// intervals is wider than w, until its budget; the goal is met when every rating's is at most w.
/// </summary>
public static class RankingPrecision
{
    /// <summary>Elo points of a preference share: 400 log₁₀(q / (1 − q)), infinite at 0 and 1.</summary>
    public static double Elo(double share) =>
        share <= 0 ? double.NegativeInfinity : share >= 1 ? double.PositiveInfinity : 400 * Math.Log10(share / (1 - share));

    /// <param name="stopped">Pairs that stopped before: their ratings' bounds use the intervals they stopped on (<see cref="StoppingRules.Assess"/>).</param>
    public static GoalStatus Assess(StudyGoal goal, IReadOnlyList<UnitCounts> pairs, bool project, IReadOnlyDictionary<string, UnitOutcome> stopped)
    {
        var rule = StoppingRules.DecisionFor(goal, pairs.Count);
        var decided = pairs.Select(rule.Assess).Select(d => stopped.TryGetValue(d.Unit, out var then)
            ? d with { Low = then.Low ?? 0, High = then.High ?? 1 } : d).ToList();
        var conditions = pairs.SelectMany(p => new[] { p.Unit.First, p.Unit.Second! }).Distinct().ToList();
        var ratings = conditions.Select(c => Rating(c, conditions.Count, pairs, decided)).ToList();
        var narrow = ratings.ToDictionary(r => r.Unit, r => r.High - r.Low <= goal.EloWidth);
        ratings = [.. ratings.Select(r => r with { State = narrow[r.Unit] ? UnitState.Met : UnitState.Open })];

        var units = pairs.Select((p, i) =>
        {
            var d = decided[i];
            var needed = !narrow[p.Unit.First] || !narrow[p.Unit.Second!];
            var state = stopped.TryGetValue(p.Unit.Name, out var then) ? then.State
                : !needed ? UnitState.Met : p.N >= goal.BudgetPerUnit ? UnitState.BudgetSpent : UnitState.Open;
            var remaining = state != UnitState.Open ? 0 : project ? Projected(goal, rule, p) : goal.BudgetPerUnit - p.N;
            return new UnitStatus(p.Unit.Name, p.N, d.Share, d.Low, d.High, state, remaining);
        }).ToList();
        // A rating still too wide is projected to need what its slowest open pair does.
        ratings = [.. ratings.Select(r => r.IsOpen
            ? r with { Remaining = units.Where((u, i) => u.IsOpen && (pairs[i].Unit.First == r.Unit || pairs[i].Unit.Second == r.Unit)).Select(u => u.Remaining).DefaultIfEmpty(0).Max() }
            : r)];
        var status = StoppingRules.Finish(goal, pairs, units, null);
        var outcome = !status.Met ? status.Outcome
            : ratings.All(r => r.IsOpen == false) ? "every rating's interval is narrow enough"
            : $"budgets spent before {ratings.Count(r => r.IsOpen)} of {ratings.Count} ratings were narrow enough";
        return status with { Outcome = outcome, Ratings = ratings };
    }

    /// <summary>A condition's rating interval: the mean of its pairs' Elo bounds (its own difference, 0, included).</summary>
    private static UnitStatus Rating(string condition, int count, IReadOnlyList<UnitCounts> pairs, List<PairDecision> decided)
    {
        var (low, high, estimate, n) = (0.0, 0.0, 0.0, 0L);
        for (var i = 0; i < pairs.Count; i++)
        {
            var sign = pairs[i].Unit.First == condition ? 1 : pairs[i].Unit.Second == condition ? -1 : 0;
            if (sign == 0) continue;
            var (pairLow, pairHigh) = (Elo(decided[i].Low), Elo(decided[i].High));
            low += sign > 0 ? pairLow : -pairHigh;
            high += sign > 0 ? pairHigh : -pairLow;
            // The estimate with half an answer added each way, so a pair won every time is not infinitely apart.
            estimate += sign * Elo((pairs[i].First + 0.5) / (pairs[i].First + pairs[i].Second + 1.0));
            n += pairs[i].N;
        }
        return new UnitStatus(condition, n, n == 0 ? double.NaN : estimate / count, low / count, high / count, UnitState.Open, 0);
    }

    /// <summary>
    /// Judgments a pair is projected to still need for its Elo interval to be w wide if its shares stay as now: the
    /// share's radius that many Elo points allow around the share seen, then the count that radius needs, ties added.
    /// A pair one condition has won every time has no finite Elo bound until the other wins once: its budget.
    /// </summary>
    private static long Projected(StudyGoal goal, DecisionGoal rule, UnitCounts pair)
    {
        var left = Math.Max(0, goal.BudgetPerUnit - pair.N);
        var preferences = pair.First + pair.Second;
        if (preferences < 20 || pair.First == 0 || pair.Second == 0) return left;
        var share = (double)pair.First / preferences;
        var radius = Radius(share, goal.EloWidth);
        var needed = ConfidenceSequence.JudgmentsFor(radius, 0.5, rule.Alpha, ConfidenceSequence.MixingFor(rule.BudgetPerPair, 0.5, rule.Alpha));
        if (needed == long.MaxValue) return left;
        return Math.Clamp((long)Math.Ceiling((needed - preferences) * (double)pair.N / preferences), 1, Math.Max(1, left));
    }

    /// <summary>The radius r around <paramref name="share"/> whose interval [s − r, s + r] is <paramref name="width"/> Elo points wide (it widens without bound near 0 and 1).</summary>
    internal static double Radius(double share, double width)
    {
        var (low, high) = (0.0, Math.Min(share, 1 - share));
        for (var i = 0; i < 50; i++)
        {
            var r = (low + high) / 2;
            if (Elo(share + r) - Elo(share - r) <= width) low = r;
            else high = r;
        }
        return low;
    }
}
