using System.Text.Json.Serialization;

namespace Platform.Studies;

/// <summary>What an adaptive study is run until (<see cref="StudyGoal"/>); a study without a goal gives every trial k judgments.</summary>
public enum GoalKind
{
    /// <summary>A rating study: every condition's success rate within ± h.</summary>
    RatePrecision,

    /// <summary>Against a baseline: every condition's G − B within ± h.</summary>
    DifferencePrecision,

    /// <summary>Against a baseline: decide for every condition whether it beats the baseline (or loses to it).</summary>
    BeatsBaseline,

    /// <summary>All pairs: identify the condition that beats every other one.</summary>
    TopCondition,

    /// <summary>All pairs: every condition's Bradley–Terry rating known to within w Elo points.</summary>
    RankingPrecision,
}

/// <summary>
/// The goal of an adaptive study: trials are handed out where they bring the goal nearest, and each unit (a condition,
/// or a pair of conditions) stops taking judgments once its part of the goal is met or its budget is spent; the study
/// closes itself when every unit has stopped. Its trials' k (<see cref="StudySettings.JudgmentsPerTrial"/>) is then a
/// cap per trial, not a target.
/// </summary>
/// <param name="HalfWidth">The precision goals' h: every interval at most this far either side of its estimate.</param>
/// <param name="Alpha">The error allowed: 1 − α is the intervals' confidence; for the decision goals, the chance of any wrong decision in the study.</param>
/// <param name="BudgetPerUnit">The most judgments one unit takes: a pair of truly equal conditions never decides.</param>
/// <param name="FloorPerTrial">Judgments every trial gets before any trial gets more, so every prompt is seen.</param>
/// <param name="EloWidth">The ranking precision goal's w: every rating's interval at most this many Elo points wide.</param>
public sealed record StudyGoal([property: JsonRequired] GoalKind Kind, double HalfWidth = 0.1, double Alpha = 0.05, int BudgetPerUnit = 1000, int FloorPerTrial = 1, double EloWidth = 100)
{
    public const int MaxBudgetPerUnit = 1_000_000;

    /// <summary>What the goal asks, in words.</summary>
    public string Describe() => Kind switch
    {
        GoalKind.RatePrecision => Invariant($"every success rate within ± {HalfWidth:0.###} at {100 * (1 - Alpha):0.##} % confidence"),
        GoalKind.DifferencePrecision => Invariant($"every G − B within ± {HalfWidth:0.###} at {100 * (1 - Alpha):0.##} % confidence"),
        GoalKind.BeatsBaseline => Invariant($"decide for every condition whether it beats the baseline, wrong with chance at most {Alpha:0.###}"),
        GoalKind.TopCondition => Invariant($"identify the condition that beats every other, wrong with chance at most {Alpha:0.###}"),
        GoalKind.RankingPrecision => Invariant($"every Bradley–Terry rating within an interval of {EloWidth:0.#} Elo points, all at once at {100 * (1 - Alpha):0.##} % confidence"),
        _ => Kind.ToString(),
    };

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    /// <summary>What is wrong with this goal for these settings, by field; empty when nothing is.</summary>
    public IEnumerable<(string Field, string Expected)> Problems(StudySettings settings)
    {
        var fit = Kind switch
        {
            GoalKind.RatePrecision => settings.Kind == StudyKind.Rating,
            GoalKind.DifferencePrecision or GoalKind.BeatsBaseline => settings.Kind == StudyKind.Pairwise && settings.Pairing == PairingRule.AgainstBaseline,
            GoalKind.TopCondition or GoalKind.RankingPrecision => settings.Kind == StudyKind.Pairwise && settings.Pairing == PairingRule.AllPairs,
            _ => false,
        };
        if (!fit)
            yield return ("goal.kind", "a goal that fits the design: rate-precision for a rating study, difference-precision or beats-baseline against a baseline, top-condition or ranking-precision for all pairs");
        // Every field is checked, used by this kind or not: what is stored must be a number that can be read back.
        if (double.IsNaN(HalfWidth) || HalfWidth is < 0.005 or > 0.5)
            yield return ("goal.halfWidth", "a half-width h between 0.005 and 0.5");
        if (double.IsNaN(EloWidth) || EloWidth is < 10 or > 2000)
            yield return ("goal.eloWidth", "an interval width w of 10 to 2000 Elo points");
        if (double.IsNaN(Alpha) || Alpha is < 0.001 or > 0.2) yield return ("goal.alpha", "an error level α between 0.001 and 0.2");
        if (BudgetPerUnit is < 10 or > MaxBudgetPerUnit) yield return ("goal.budgetPerUnit", $"a budget of 10 to {MaxBudgetPerUnit} judgments per unit");
        if (FloorPerTrial < 0 || FloorPerTrial > settings.JudgmentsPerTrial)
            yield return ("goal.floorPerTrial", "a floor of 0 to k judgments per trial (k caps every trial of an adaptive study)");
    }
}
