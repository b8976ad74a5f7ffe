using Platform.Results;

namespace Platform.Studies;

/// <summary>The judgments so far of one unit a goal watches: a condition's success rate, or a pair's G − B.</summary>
/// <param name="Sum">Successes (0/1 judgments), or Good minus Bad (−1/0/+1 judgments).</param>
public sealed record UnitTally(string Unit, double Sum, long N);

/// <summary>Where one unit stands: its always-valid interval, whether it is narrow enough, and how many judgments it still needs.</summary>
public sealed record UnitProgress(string Unit, long N, double Mean, double Low, double High, bool Met, long Remaining);

/// <summary>
/// "Every success rate within ± h" (judgments 0/1), at level α: a unit is done when its <see cref="ConfidenceSequence"/>
/// interval is at most h either side, which may be checked after every judgment without spending more than α. The
/// interval's width does not depend on the answers, so the judgments still needed are known exactly, not projected
/// from a guess.
/// </summary>
public sealed record PrecisionGoal(double HalfWidth, double Alpha = 0.05, long PlannedPerUnit = 200)
{
    private const double Min = 0;

    private const double Sigma = 0.5;

    private double Rho => ConfidenceSequence.MixingFor(PlannedPerUnit, Sigma, Alpha);

    /// <summary>The judgments a unit needs in all.</summary>
    public long JudgmentsPerUnit => ConfidenceSequence.JudgmentsFor(HalfWidth, Sigma, Alpha, Rho);

    public UnitProgress Assess(UnitTally tally)
    {
        var (low, high) = ConfidenceSequence.Interval(tally.Sum, tally.N, Min, 1, Alpha, Rho);
        var needed = JudgmentsPerUnit;
        return new UnitProgress(tally.Unit, tally.N, tally.N == 0 ? double.NaN : tally.Sum / tally.N, low, high,
            tally.N >= needed, needed == long.MaxValue ? long.MaxValue : Math.Max(0, needed - tally.N));
    }

    /// <summary>Met when every unit is.</summary>
    public bool IsMet(IEnumerable<UnitTally> tallies) => tallies.All(t => Assess(t).Met);
}
