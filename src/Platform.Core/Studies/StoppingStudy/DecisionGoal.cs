using Platform.Results;

namespace Platform.Studies;

public enum Decision
{
    Undecided,

    /// <summary>More people prefer the pair's first condition (the one against the baseline) than the second, at every n.</summary>
    Better,

    /// <summary>More people prefer the second condition (the baseline) at every n.</summary>
    Worse,
}

/// <summary>
/// Where a pair stands: its always-valid interval for the share of people preferring its first condition among those who
/// saw a difference (ties left out), the decision it allows, and why it stopped.
/// </summary>
public sealed record PairDecision(string Unit, long N, double Share, double Low, double High, Decision Decision, bool Stopped, string Reason);

/// <summary>
/// "Decide whether a condition beats the baseline at level α", as a sign test that may be checked after every judgment:
/// among the answers that are not "same", the share preferring the condition has an always-valid interval
/// (<see cref="ConfidenceSequence"/>, σ = ½); G − B is positive exactly when that share is above ½, so the pair stops,
/// decided, as soon as the interval leaves ½ — with the chance of a wrong decision at most α however often it is
/// checked. Ties tell nothing about the sign and leave the interval as it was (a tie-heavy pair needs as many
/// preferences as a tie-free one, not the far larger count a bound on the −1 / 0 / +1 scale would ask). A pair also stops
/// after <paramref name="BudgetPerPair"/> judgments (ties counted), undecided: truly equal conditions never decide.
/// </summary>
public sealed record DecisionGoal(long BudgetPerPair, double Alpha = 0.05)
{
    private double Rho => ConfidenceSequence.MixingFor(BudgetPerPair, 0.5, Alpha);

    public PairDecision Assess(UnitCounts pair)
    {
        var preferences = pair.First + pair.Second;
        var (low, high) = ConfidenceSequence.Interval(pair.First, preferences, 0, 1, Alpha, Rho);
        var decision = low > 0.5 ? Decision.Better : high < 0.5 ? Decision.Worse : Decision.Undecided;
        var reason = decision != Decision.Undecided
            ? $"decided after {pair.N} judgments: the share preferring {pair.Unit.First}, ties left out, lies in [{low:0.000}, {high:0.000}]"
            : pair.N >= BudgetPerPair ? $"budget of {BudgetPerPair} judgments spent, undecided" : "";
        return new PairDecision(pair.Unit.Name, pair.N, preferences == 0 ? double.NaN : (double)pair.First / preferences, low, high, decision, reason.Length > 0, reason);
    }

    /// <summary>
    /// Judgments (ties included) an undecided pair is projected to still need if it is what it looks like now: until
    /// the interval's radius falls below the share's distance from ½, at most the budget. With fewer than 20 preferences
    /// the estimate is too rough to use: the rest of the budget.
    /// </summary>
    public long Projected(UnitCounts pair)
    {
        var left = Math.Max(0, BudgetPerPair - pair.N);
        var preferences = pair.First + pair.Second;
        if (preferences < 20 || pair.First == pair.Second) return left;
        var distance = Math.Abs((double)pair.First / preferences - 0.5);
        var needed = ConfidenceSequence.JudgmentsFor(distance, 0.5, Alpha, Rho);
        if (needed == long.MaxValue) return left;
        var perJudgment = (double)preferences / pair.N;
        return Math.Clamp((long)Math.Ceiling((needed - preferences) / perJudgment), 1, Math.Max(1, left));
    }
}
