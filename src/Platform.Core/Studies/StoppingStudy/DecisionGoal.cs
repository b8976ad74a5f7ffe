using Platform.Results;

namespace Platform.Studies;

public enum Decision
{
    Undecided,

    /// <summary>G − B above 0 at every n: the condition beats the baseline.</summary>
    Better,

    /// <summary>G − B below 0 at every n: the baseline beats the condition.</summary>
    Worse,
}

/// <summary>Where a pair against the baseline stands: its interval for G − B, the decision it allows, and why it stopped.</summary>
public sealed record PairDecision(string Unit, long N, double Low, double High, Decision Decision, bool Stopped, string Reason);

/// <summary>
/// "Decide for every condition whether it beats the baseline at level α": a pair stops as soon as its always-valid
/// interval for G − B (<see cref="ConfidenceSequence"/>, judgments −1 / 0 / +1) leaves 0, which may be checked after every
/// judgment with the chance of a wrong decision at most α; or when it has had <paramref name="BudgetPerPair"/> judgments,
/// undecided (a pair whose conditions are truly equal never decides, so a budget is part of the goal).
/// </summary>
public sealed record DecisionGoal(long BudgetPerPair, double Alpha = 0.05)
{
    private double Rho => ConfidenceSequence.MixingFor(BudgetPerPair, 1);

    public PairDecision Assess(UnitTally pair)
    {
        var (low, high) = ConfidenceSequence.Interval(pair.Sum, pair.N, -1, 1, Alpha, Rho);
        var decision = low > 0 ? Decision.Better : high < 0 ? Decision.Worse : Decision.Undecided;
        var reason = decision != Decision.Undecided
            ? $"decided after {pair.N} judgments: G − B lies in [{low:0.000}, {high:0.000}]"
            : pair.N >= BudgetPerPair ? $"budget of {BudgetPerPair} judgments spent, undecided" : "";
        return new PairDecision(pair.Unit, pair.N, low, high, decision, reason.Length > 0, reason);
    }
}
