using Platform.Results;

namespace Platform.Studies;

public enum UnitState
{
    /// <summary>Still takes judgments.</summary>
    Open,

    /// <summary>A precision goal's interval is narrow enough.</summary>
    Met,

    /// <summary>A decision goal's interval left 0.</summary>
    Decided,

    /// <summary>Its budget is spent before its part of the goal was met.</summary>
    BudgetSpent,

    /// <summary>A pair that can no longer change which condition is top: one of its conditions is beaten already.</summary>
    OutOfRace,
}

/// <summary>Where one unit stands: its always-valid interval, its state, and the judgments it is projected to still need.</summary>
public sealed record UnitStatus(string Unit, long N, double Mean, double Low, double High, UnitState State, long Remaining)
{
    public bool IsOpen => State == UnitState.Open;
}

/// <summary>
/// A unit's standing as stored (in <see cref="StudyGoalMet"/>) and shown: a figure that does not exist yet (an estimate
/// before any answer, a rating's bound while a pair was always won) is null, not NaN or infinity.
/// </summary>
public sealed record UnitOutcome(string Unit, long N, double? Estimate, double? Low, double? High, UnitState State, long Remaining)
{
    public bool IsOpen => State == UnitState.Open;

    public static UnitOutcome From(UnitStatus u) => new(u.Unit, u.N, Finite(u.Mean), Finite(u.Low), Finite(u.High), u.State, u.Remaining);

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}

/// <summary>Where a study's goal stands: each unit, whether the goal is met (every unit stopped), and why.</summary>
/// <param name="Measure">What the units' estimates and intervals are of (<see cref="StoppingRules.MeasureOf"/>).</param>
/// <param name="Top">The top condition, once a <see cref="GoalKind.TopCondition"/> goal identified it.</param>
/// <param name="Ratings">A <see cref="GoalKind.RankingPrecision"/> goal's conditions: each rating (Elo points, mean 0) with its interval.</param>
public sealed record GoalStatus(StudyGoal Goal, IReadOnlyList<UnitStatus> Units, bool Met, string Outcome, long Judgments, long ProjectedRemaining, string Measure,
    string? Top = null, IReadOnlyList<UnitStatus>? Ratings = null);

/// <summary>
/// The stopping rules of adaptive studies, pure functions of the answers so far. Every interval is an always-valid
/// confidence sequence (<see cref="ConfidenceSequence"/>), so the rules may be applied after every judgment — and a
/// unit may stop the moment its part is met — without the error growing past α. The decision goals split α over their
/// pairs (Bonferroni), so the chance of any wrong decision in the whole study is at most α; the precision goals give
/// each unit's interval 1 − α. The mixing parameter is fixed by the goal before the first judgment (the budget, or the
/// count a fixed-n interval would need for h), never by the answers.
/// </summary>
public static class StoppingRules
{
    /// <param name="tiesPossible">Whether answers can be "same" (a three-way scale); on a two-way one G − B needs no interval for ties.</param>
    /// <param name="stopped">
    /// Units that stopped before, as they stood then: they stay stopped on the interval they stopped with. An always-valid
    /// interval holds at every count at once, so the one a unit stopped on stays as valid as any later one, and answers
    /// arriving after the stop (trials handed out before) cannot undo a decision.
    /// </param>
    public static GoalStatus Assess(StudyGoal goal, IReadOnlyList<UnitCounts> units, bool project = true, bool tiesPossible = true,
        IReadOnlyDictionary<string, UnitOutcome>? stopped = null)
    {
        stopped ??= NoneStopped;
        return goal.Kind switch
        {
            GoalKind.RatePrecision => Keep(Rate(goal, units), stopped),
            GoalKind.DifferencePrecision => Keep(Difference(goal, units, project, tiesPossible), stopped),
            GoalKind.BeatsBaseline => Keep(Finish(goal, units, [.. units.Select(u => Decide(goal, u, units.Count, project).Status)], null), stopped),
            GoalKind.RankingPrecision => RankingPrecision.Assess(goal, units, project, stopped),
            _ => Top(goal, units, project, stopped),
        };
    }

    private static readonly Dictionary<string, UnitOutcome> NoneStopped = [];

    /// <summary>The units that stop now and had not before: what to record.</summary>
    public static IReadOnlyList<UnitOutcome> NewlyStopped(GoalStatus status, IReadOnlyDictionary<string, UnitOutcome> stopped) =>
        [.. status.Units.Where(u => !u.IsOpen && !stopped.ContainsKey(u.Unit)).Select(UnitOutcome.From)];

    /// <summary>A unit that stopped before, as it stopped: its count, estimate and interval then (answers after the stop are in the results, not here).</summary>
    internal static UnitStatus Kept(UnitStatus now, UnitOutcome then) => now with
    {
        N = then.N,
        Mean = then.Estimate ?? double.NaN,
        Low = then.Low ?? double.NegativeInfinity,
        High = then.High ?? double.PositiveInfinity,
        State = then.State,
        Remaining = 0,
    };

    private static GoalStatus Keep(GoalStatus status, IReadOnlyDictionary<string, UnitOutcome> stopped)
    {
        if (stopped.Count == 0) return status;
        var units = status.Units.Select(u => stopped.TryGetValue(u.Unit, out var then) ? Kept(u, then) : u).ToList();
        return Finish(status.Goal, status.Judgments, units, status.Top, null);
    }

    /// <summary>What a goal's estimates and intervals are of.</summary>
    public static string MeasureOf(GoalKind kind) => kind switch
    {
        GoalKind.RatePrecision => "success rate",
        GoalKind.DifferencePrecision => "G − B",
        _ => "share preferring the first condition, ties left out",
    };

    /// <summary>The count a fixed-n interval would need for h: where the always-valid boundary is made tightest.</summary>
    private static long Planned(StudyGoal goal, double sigma) => Math.Min((long)Math.Ceiling(Math.Pow(2.5 * sigma / goal.HalfWidth, 2)), goal.BudgetPerUnit);

    /// <summary>The rate precision goal's rule for one condition.</summary>
    public static PrecisionGoal PrecisionFor(StudyGoal goal) => new(goal.HalfWidth, goal.Alpha, Planned(goal, 0.5));

    /// <summary>The G − B precision goal's rule for one pair.</summary>
    public static DifferenceGoal DifferenceFor(StudyGoal goal, bool tiesPossible = true) => new(goal.HalfWidth, goal.Alpha, Planned(goal, 1), tiesPossible);

    /// <summary>The decision rule for one pair of a goal over <paramref name="pairs"/> pairs: α split evenly.</summary>
    public static DecisionGoal DecisionFor(StudyGoal goal, int pairs) => new(goal.BudgetPerUnit, goal.Alpha / Math.Max(1, pairs));

    private static GoalStatus Rate(StudyGoal goal, IReadOnlyList<UnitCounts> units)
    {
        var rule = PrecisionFor(goal);
        var needed = Math.Min(rule.JudgmentsPerUnit, goal.BudgetPerUnit);
        return Finish(goal, units, [.. units.Select(u =>
        {
            var p = rule.Assess(u.Tally);
            var state = p.Met ? UnitState.Met : u.N >= goal.BudgetPerUnit ? UnitState.BudgetSpent : UnitState.Open;
            return new UnitStatus(u.Unit.Name, u.N, p.Mean, p.Low, p.High, state, state == UnitState.Open ? needed - u.N : 0);
        })], null);
    }

    private static GoalStatus Difference(StudyGoal goal, IReadOnlyList<UnitCounts> units, bool project, bool tiesPossible)
    {
        var rule = DifferenceFor(goal, tiesPossible);
        return Finish(goal, units, [.. units.Select(u =>
        {
            var (low, high) = rule.Interval(u.First, u.Same, u.Second);
            var met = u.N > 0 && high - low <= 2 * goal.HalfWidth;
            var state = met ? UnitState.Met : u.N >= goal.BudgetPerUnit ? UnitState.BudgetSpent : UnitState.Open;
            var left = goal.BudgetPerUnit - u.N;
            var remaining = state != UnitState.Open ? 0 : project ? Math.Min(rule.Assess(u).Remaining, left) : left;
            return new UnitStatus(u.Unit.Name, u.N, u.N == 0 ? double.NaN : u.Sum / u.N, low, high, state, remaining);
        })], null);
    }

    private static (UnitStatus Status, Decision Decision) Decide(StudyGoal goal, UnitCounts unit, int pairs, bool project)
    {
        var rule = DecisionFor(goal, pairs);
        var d = rule.Assess(unit);
        var state = d.Decision != Decision.Undecided ? UnitState.Decided : d.Stopped ? UnitState.BudgetSpent : UnitState.Open;
        var remaining = state != UnitState.Open ? 0 : project ? rule.Projected(unit) : goal.BudgetPerUnit - unit.N;
        return (new UnitStatus(unit.Unit.Name, unit.N, d.Share, d.Low, d.High, state, remaining), d.Decision);
    }

    private static GoalStatus Top(StudyGoal goal, IReadOnlyList<UnitCounts> pairs, bool project, IReadOnlyDictionary<string, UnitOutcome> stopped)
    {
        var decided = pairs.Select(p => Decide(goal, p, pairs.Count, project)).Select(d => stopped.TryGetValue(d.Status.Unit, out var then)
            ? (Status: Kept(d.Status, then), Decision: then.State != UnitState.Decided ? Decision.Undecided : then.Low > 0.5 ? Decision.Better : Decision.Worse)
            : d).ToList();
        var conditions = pairs.SelectMany(p => new[] { p.Unit.First, p.Unit.Second! }).Distinct().ToList();
        var beaten = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < pairs.Count; i++)
        {
            if (decided[i].Decision == Decision.Better) beaten.Add(pairs[i].Unit.Second!);
            else if (decided[i].Decision == Decision.Worse) beaten.Add(pairs[i].Unit.First);
        }
        var standing = conditions.Where(c => !beaten.Contains(c)).ToList();
        var top = standing.Count == 1 ? standing[0] : null;
        // Only pairs of two conditions still standing can change which one is top.
        var units = decided.Select((d, i) => d.Status.IsOpen && (top is not null || beaten.Contains(pairs[i].Unit.First) || beaten.Contains(pairs[i].Unit.Second!))
            ? d.Status with { State = UnitState.OutOfRace, Remaining = 0 } : d.Status).ToList();
        return Finish(goal, pairs, units, top, standing);
    }

    internal static GoalStatus Finish(StudyGoal goal, IReadOnlyList<UnitCounts> counts, List<UnitStatus> units, string? top, IReadOnlyList<string>? standing = null) =>
        Finish(goal, counts.Sum(c => c.N), units, top, standing);

    private static GoalStatus Finish(StudyGoal goal, long judgments, List<UnitStatus> units, string? top, IReadOnlyList<string>? standing)
    {
        var met = units.Count > 0 && units.All(u => !u.IsOpen);
        var outcome = !met ? $"{units.Count(u => u.IsOpen)} of {units.Count} units still open"
            : goal.Kind == GoalKind.TopCondition
                ? top is not null ? $"top condition identified: {top}" : $"budget spent before one condition stood out; still standing: {string.Join(", ", standing ?? [])}"
            : units.Any(u => u.State == UnitState.BudgetSpent)
                ? $"every unit stopped; {units.Count(u => u.State == UnitState.BudgetSpent)} with its budget spent before its goal"
                : "goal met for every unit";
        return new GoalStatus(goal, units, met, outcome, judgments, units.Sum(u => u.Remaining), MeasureOf(goal.Kind), top);
    }
}
