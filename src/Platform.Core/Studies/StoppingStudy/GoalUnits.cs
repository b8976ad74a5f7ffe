using Platform.Voting;

namespace Platform.Studies;

/// <summary>
/// The answers so far on one condition (a rating: successes, —, failures) or one pair of conditions in key order
/// (<see cref="GoalUnits.CountKey"/>: first preferred, same, second preferred), as the study's tallies keep them.
/// </summary>
public sealed record ConditionCounts(string Key, long First, long Same, long Second);

/// <summary>A unit a goal watches: a condition (rating) or a pair of conditions, <see cref="First"/> the one whose win counts +1.</summary>
public sealed record GoalUnit(string Name, string First, string? Second);

/// <summary>One unit's answers: <see cref="First"/> the unit's first condition preferred (or a success), <see cref="Second"/> the other (or a failure).</summary>
public sealed record UnitCounts(GoalUnit Unit, long First, long Same, long Second)
{
    public long N => First + Same + Second;

    /// <summary>The sum of the judgments as numbers: +1 / 0 / −1 for a pair, 1 / 0 for a rating.</summary>
    public double Sum => Unit.Second is null ? First : First - Second;

    public UnitTally Tally => new(Unit.Name, Sum, N);

    /// <summary>The spread of one judgment, estimated with one made-up judgment of the largest spread so it is never 0.</summary>
    public double Variance
    {
        get
        {
            var bound = Unit.Second is null ? 0.25 : 1.0;
            if (N == 0) return bound;
            var mean = Sum / N;
            var squares = Unit.Second is null ? First : First + Second;
            var observed = Math.Max(0, (double)squares / N - mean * mean);
            return (observed * N + bound) / (N + 1);
        }
    }
}

/// <summary>Which unit a trial or an answer belongs to, for a study's design.</summary>
public static class GoalUnits
{
    private const string Separator = " vs ";

    /// <summary>The key the tallies count an answer under, and whether the left video is the key's first condition.</summary>
    public static (string Key, bool LeftIsFirst) CountKey(string left, string? right) =>
        right is null ? (left, true)
        : string.CompareOrdinal(left, right) <= 0 ? (left + Separator + right, true)
        : (right + Separator + left, false);

    /// <summary>Adds one answer to counts kept as [first, same, second] by <see cref="CountKey"/>.</summary>
    public static void Add(IDictionary<string, long[]> counts, string left, string? right, Choice choice)
    {
        var (key, leftIsFirst) = CountKey(left, right);
        if (!counts.TryGetValue(key, out var row)) counts[key] = row = new long[3];
        var first = choice is Choice.Success || (choice is Choice.Left && leftIsFirst) || (choice is Choice.Right && !leftIsFirst);
        row[first ? 0 : choice == Choice.Same ? 1 : 2]++;
    }

    /// <summary>The units the study's goal watches: each condition (rating), each condition against the baseline, or every pair in key order.</summary>
    public static IReadOnlyList<GoalUnit> Units(StudySettings settings)
    {
        if (settings.Kind == StudyKind.Rating) return [.. settings.Conditions.Select(c => new GoalUnit(c.Key, c.Key, null))];
        return [.. TrialPlanner.Pairs(settings).Select(p => new GoalUnit(p.A + Separator + p.B, p.A, p.B))];
    }

    /// <summary>A unit's name as its condition and the condition it is compared with (none for a rating's condition).</summary>
    public static (string Condition, string? Versus) Split(string unit)
    {
        var at = unit.IndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? (unit, null) : (unit[..at], unit[(at + Separator.Length)..]);
    }

    /// <summary>The unit a planned trial belongs to (its videos are in the pair's order, <see cref="TrialPlanner.Pairs"/>).</summary>
    public static string UnitOf(PlannedTrial trial) =>
        trial.Videos.Count == 1 ? trial.Videos[0].Condition : trial.Videos[0].Condition + Separator + trial.Videos[1].Condition;

    /// <summary>Every unit's answers from the tallies' counts (units without an answer yet count zero).</summary>
    public static IReadOnlyList<UnitCounts> Count(StudySettings settings, IReadOnlyDictionary<string, long[]> counts) =>
        [.. Units(settings).Select(unit =>
        {
            var (key, firstIsFirst) = CountKey(unit.First, unit.Second);
            var row = counts.GetValueOrDefault(key) ?? [0, 0, 0];
            return firstIsFirst ? new UnitCounts(unit, row[0], row[1], row[2]) : new UnitCounts(unit, row[2], row[1], row[0]);
        })];
}
