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

/// <summary>Where a study's goal stands: each unit, whether the goal is met (every unit stopped), and why.</summary>
/// <param name="Top">The top condition, once a <see cref="GoalKind.TopCondition"/> goal identified it.</param>
public sealed record GoalStatus(StudyGoal Goal, IReadOnlyList<UnitStatus> Units, bool Met, string Outcome, long Judgments, long ProjectedRemaining, string? Top = null);

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
    public static GoalStatus Assess(StudyGoal goal, IReadOnlyList<UnitCounts> units, bool project = true) => goal.Kind switch
    {
        GoalKind.RatePrecision or GoalKind.DifferencePrecision => Precision(goal, units),
        GoalKind.BeatsBaseline => Finish(goal, units, [.. units.Select(u => Decision(goal, u, units.Count, project))], null),
        _ => Top(goal, units, project),
    };

    /// <summary>The precision goal's rule for one unit (σ = ½ for a rate, 1 for G − B).</summary>
    public static PrecisionGoal PrecisionFor(StudyGoal goal)
    {
        var difference = goal.Kind == GoalKind.DifferencePrecision;
        var sigma = difference ? 1.0 : 0.5;
        var planned = (long)Math.Ceiling(Math.Pow(2.5 * sigma / goal.HalfWidth, 2));
        return new PrecisionGoal(goal.HalfWidth, difference, goal.Alpha, Math.Min(planned, goal.BudgetPerUnit));
    }

    /// <summary>The decision rule for one pair of a goal over <paramref name="pairs"/> pairs: α split evenly.</summary>
    public static DecisionGoal DecisionFor(StudyGoal goal, int pairs) => new(goal.BudgetPerUnit, goal.Alpha / Math.Max(1, pairs));

    private static GoalStatus Precision(StudyGoal goal, IReadOnlyList<UnitCounts> units)
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

    private static UnitStatus Decision(StudyGoal goal, UnitCounts unit, int pairs, bool project)
    {
        var rule = DecisionFor(goal, pairs);
        var d = rule.Assess(unit.Tally);
        var state = d.Decision != Studies.Decision.Undecided ? UnitState.Decided : d.Stopped ? UnitState.BudgetSpent : UnitState.Open;
        var mean = unit.N == 0 ? double.NaN : unit.Sum / unit.N;
        return new UnitStatus(unit.Unit.Name, unit.N, mean, d.Low, d.High, state,
            state != UnitState.Open ? 0 : project ? ProjectDecision(rule, unit, goal.BudgetPerUnit) : goal.BudgetPerUnit - unit.N);
    }

    /// <summary>
    /// Judgments a pair still needs if G − B is what it looks like now: until the radius falls below |G − B| (at least
    /// one more), at most the budget. With fewer than 20 answers the estimate is too rough: the rest of the budget.
    /// </summary>
    private static long ProjectDecision(DecisionGoal rule, UnitCounts unit, long budget)
    {
        var left = budget - unit.N;
        if (unit.N < 20 || unit.Sum == 0) return left;
        var effect = Math.Abs(unit.Sum / unit.N);
        var rho = ConfidenceSequence.MixingFor(rule.BudgetPerPair, 1);
        var needed = ConfidenceSequence.JudgmentsFor(effect, 1, rule.Alpha, rho);
        return needed == long.MaxValue ? left : Math.Clamp(needed - unit.N, 1, left);
    }

    private static GoalStatus Top(StudyGoal goal, IReadOnlyList<UnitCounts> pairs, bool project)
    {
        var decided = pairs.Select(p => Decision(goal, p, pairs.Count, project)).ToList();
        var conditions = pairs.SelectMany(p => new[] { p.Unit.First, p.Unit.Second! }).Distinct().ToList();
        var beaten = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < pairs.Count; i++)
        {
            if (decided[i].State != UnitState.Decided) continue;
            beaten.Add(decided[i].Low > 0 ? pairs[i].Unit.Second! : pairs[i].Unit.First);
        }
        var standing = conditions.Where(c => !beaten.Contains(c)).ToList();
        var top = standing.Count == 1 ? standing[0] : null;
        // Only pairs of two conditions still standing can change which one is top.
        var units = decided.Select((d, i) => d.State == UnitState.Open && (top is not null || beaten.Contains(pairs[i].Unit.First) || beaten.Contains(pairs[i].Unit.Second!))
            ? d with { State = UnitState.OutOfRace, Remaining = 0 } : d).ToList();
        return Finish(goal, pairs, units, top, standing);
    }

    private static GoalStatus Finish(StudyGoal goal, IReadOnlyList<UnitCounts> counts, List<UnitStatus> units, string? top, IReadOnlyList<string>? standing = null)
    {
        var met = units.Count > 0 && units.All(u => !u.IsOpen);
        var judgments = counts.Sum(c => c.N);
        var outcome = !met ? $"{units.Count(u => u.IsOpen)} of {units.Count} units still open"
            : goal.Kind == GoalKind.TopCondition
                ? top is not null ? $"top condition identified: {top}" : $"budget spent before one condition stood out; still standing: {string.Join(", ", standing ?? [])}"
            : units.Any(u => u.State == UnitState.BudgetSpent)
                ? $"every unit stopped; {units.Count(u => u.State == UnitState.BudgetSpent)} with its budget spent before its goal"
                : "goal met for every unit";
        return new GoalStatus(goal, units, met, outcome, judgments, units.Sum(u => u.Remaining), top);
    }
}
