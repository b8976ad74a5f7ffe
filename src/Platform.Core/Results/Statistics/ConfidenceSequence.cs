namespace Platform.Results;

/// <summary>
/// An always-valid confidence sequence for the mean of bounded judgments: with probability at least 1 − α the interval
/// holds the true mean at every n at once, so it may be checked after every judgment and a study stopped the moment it
/// is narrow enough (a fixed-n interval checked that way misses far more often than α). The boundary is Robbins' normal
/// mixture for σ-sub-Gaussian increments (Robbins 1970; Howard, Ramdas, McAuliffe and Sekhon 2021, "Time-uniform,
/// nonparametric, nonasymptotic confidence sequences", Ann. Statist. 49(2), the normal-mixture boundary):
/// |Σ(Xᵢ − μ)| &lt; √(2 (nσ² + ρ) · ln(√((nσ² + ρ)/ρ) / α)) for all n, with probability ≥ 1 − α. A judgment in [a, b]
/// is (b − a)/2-sub-Gaussian: σ = ½ for a success (0/1), σ = 1 for G − B (−1, 0, +1). Any ρ &gt; 0 keeps the guarantee;
/// it sets where the boundary is tightest (<see cref="MixingFor"/>).
/// </summary>
public static class ConfidenceSequence
{
    /// <summary>
    /// The mixing parameter that makes the boundary nearly tightest at <paramref name="plannedN"/> judgments: the radius
    /// there is smallest for ρ = nσ² · x where x solves ln(1/α) + ½ ln((1 + x)/x) = 1/(2x), close to 1 / (2 ln(1/α) + 2)
    /// (about ⅛ at α = 0.05). A ρ too small costs only a logarithm at other counts, one too large a square root.
    /// </summary>
    public static double MixingFor(long plannedN, double sigma, double alpha) => Math.Max(1, plannedN) * sigma * sigma / (2 * Math.Log(1 / alpha) + 2);

    /// <summary>The half-width of the interval for the mean after <paramref name="n"/> judgments; infinite before the first.</summary>
    public static double Radius(long n, double sigma, double alpha, double rho)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sigma);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rho);
        if (alpha is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "α must lie strictly between 0 and 1.");
        if (n <= 0) return double.PositiveInfinity;
        var variance = n * sigma * sigma + rho;
        return Math.Sqrt(2 * variance * Math.Log(Math.Sqrt(variance / rho) / alpha)) / n;
    }

    /// <summary>The interval for the mean of judgments in [<paramref name="min"/>, <paramref name="max"/>], clipped to that range.</summary>
    public static (double Low, double High) Interval(double sum, long n, double min, double max, double alpha, double rho)
    {
        if (n <= 0) return (min, max);
        var mean = sum / n;
        var radius = Radius(n, (max - min) / 2, alpha, rho);
        return (Math.Max(min, mean - radius), Math.Min(max, mean + radius));
    }

    /// <summary>
    /// The fewest judgments after which the half-width is at most <paramref name="halfWidth"/>, whatever they turn out to
    /// be (the radius does not depend on the answers); <see cref="long.MaxValue"/> when no count up to 10¹² reaches it.
    /// </summary>
    public static long JudgmentsFor(double halfWidth, double sigma, double alpha, double rho)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(halfWidth);
        const long most = 1_000_000_000_000;
        if (Radius(most, sigma, alpha, rho) > halfWidth) return long.MaxValue;
        var (low, high) = (1L, most);
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            if (Radius(middle, sigma, alpha, rho) <= halfWidth) high = middle;
            else low = middle + 1;
        }
        return low;
    }
}
