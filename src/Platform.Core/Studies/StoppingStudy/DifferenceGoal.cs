using Platform.Results;

namespace Platform.Studies;

/// <summary>
/// "Every G − B within ± h" at level α, checked after every judgment. G − B = (1 − t)(2q − 1), where t is the share of
/// "same" answers and q the share preferring the condition among the others; each has an always-valid interval
/// (<see cref="ConfidenceSequence"/>, σ = ½, α / 2 each: both hold at every n with chance at least 1 − α), and G − B's
/// interval is the range of (1 − t)(2q − 1) over them. A pair with many ties so gets narrow sooner than a bound on the
/// −1 / 0 / +1 scale allows: its width shrinks with √(1 − t). On a two-way scale there are no ties and q takes all of α.
/// </summary>
/// <param name="PlannedPerUnit">Sets where the boundaries are tightest; fixed before the first judgment.</param>
public sealed record DifferenceGoal(double HalfWidth, double Alpha = 0.05, long PlannedPerUnit = 400, bool TiesPossible = true)
{
    private double Rho => ConfidenceSequence.MixingFor(PlannedPerUnit, 0.5, Alpha / 2);

    /// <summary>The interval for G − B from the counts of first preferred, same, second preferred.</summary>
    public (double Low, double High) Interval(double first, double same, double second)
    {
        var n = first + same + second;
        if (n <= 0) return (-1, 1);
        var preferences = first + second;
        var (qLow, qHigh) = preferences <= 0 ? (0.0, 1.0)
            : ConfidenceSequence.Interval(first, (long)Math.Round(preferences), 0, 1, TiesPossible ? Alpha / 2 : Alpha, Rho);
        var (tLow, tHigh) = TiesPossible ? ConfidenceSequence.Interval(same, (long)Math.Round(n), 0, 1, Alpha / 2, Rho) : (0.0, 0.0);
        // (1 − t)(2q − 1) grows with q; it shrinks with t while 2q − 1 is positive, and grows with it while negative.
        var high = 2 * qHigh - 1 >= 0 ? (1 - tLow) * (2 * qHigh - 1) : (1 - tHigh) * (2 * qHigh - 1);
        var low = 2 * qLow - 1 <= 0 ? (1 - tLow) * (2 * qLow - 1) : (1 - tHigh) * (2 * qLow - 1);
        return (low, high);
    }

    public UnitProgress Assess(UnitCounts unit)
    {
        var (low, high) = Interval(unit.First, unit.Same, unit.Second);
        var met = unit.N > 0 && high - low <= 2 * HalfWidth;
        return new UnitProgress(unit.Unit.Name, unit.N, unit.N == 0 ? double.NaN : unit.Sum / unit.N, low, high, met, met ? 0 : Projected(unit));
    }

    /// <summary>
    /// Judgments still needed if the answers keep the shares seen so far (one made-up answer of each kind added, so a
    /// unit with few answers is not taken for a certain one); <see cref="long.MaxValue"/> when no count up to 10⁹ is enough.
    /// </summary>
    private long Projected(UnitCounts unit)
    {
        var n = unit.N + 3.0;
        var (first, same, second) = ((unit.First + 1) / n, (unit.Same + 1) / n, (unit.Second + 1) / n);
        bool Narrow(long count)
        {
            var (low, high) = Interval(first * count, same * count, second * count);
            return high - low <= 2 * HalfWidth;
        }
        const long most = 1_000_000_000;
        if (!Narrow(most)) return long.MaxValue;
        var (lowest, highest) = (Math.Max(1, unit.N), most);
        while (lowest < highest)
        {
            var middle = lowest + (highest - lowest) / 2;
            if (Narrow(middle)) highest = middle;
            else lowest = middle + 1;
        }
        return Math.Max(1, lowest - unit.N);
    }
}
