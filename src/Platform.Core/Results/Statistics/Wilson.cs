namespace Platform.Results;

/// <summary>
/// Wilson score interval for a binomial proportion (Wilson 1927, "Probable inference, the law of succession,
/// and statistical inference"); unlike the normal approximation it stays inside [0, 1] and behaves at k = 0 or k = n.
/// </summary>
public static class Wilson
{
    public const double Z95 = 1.959964;

    /// <summary>n = 0 gives Proportion(0, 0, 1): no information.</summary>
    public static Proportion Interval(long successes, long n, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, n);
        ArgumentOutOfRangeException.ThrowIfNegative(z);
        if (n == 0)
            return new Proportion(0, 0, 1);

        var rate = (double)successes / n;
        var z2 = z * z / n;
        var centre = (rate + z2 / 2) / (1 + z2);
        var halfWidth = z / (1 + z2) * Math.Sqrt(rate * (1 - rate) / n + z2 / (4 * n));
        // The bounds are exactly 0 and 1 at the extremes; rounding would otherwise leave 1e-17 or 0.9999999999999999.
        var low = successes == 0 ? 0 : Math.Max(0, centre - halfWidth);
        var high = successes == n ? 1 : Math.Min(1, centre + halfWidth);
        return new Proportion(rate, low, high);
    }
}
