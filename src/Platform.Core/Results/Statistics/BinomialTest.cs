using MathNet.Numerics;

namespace Platform.Results;

/// <summary>
/// Exact two-sided binomial test as R's binom.test: the probability of every outcome no more likely than the one
/// observed (Clopper and Pearson's "minimum likelihood" p-value). The far tail is located by bisection on the
/// unimodal mass and both tails come from the regularised incomplete beta, so the cost does not grow with n.
/// </summary>
public static class BinomialTest
{
    /// <summary>R's tolerance for "no more likely": outcomes within a relative 1e-7 of the observed one count.</summary>
    private const double RelativeError = 1 + 1e-7;

    public static double TwoSidedPValue(long k, long n, double p = 0.5)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, n);
        if (!(p >= 0 && p <= 1))
            throw new ArgumentOutOfRangeException(nameof(p), p, "The probability must lie in [0, 1].");
        if (n == 0)
            return 1;
        if (p == 0)
            return k == 0 ? 1 : 0;
        if (p == 1)
            return k == n ? 1 : 0;

        var mean = n * p;
        if (k == mean)
            return 1;
        var threshold = BinomialDensity.LogPmf(k, n, p) + Math.Log(RelativeError);
        bool NoMoreLikely(long i) => BinomialDensity.LogPmf(i, n, p) <= threshold;

        double value;
        if (k < mean)
        {
            // Above the mean the mass only falls: find the first outcome no more likely than k.
            var from = FirstTrue((long)Math.Ceiling(mean), n, NoMoreLikely);
            value = AtMost(k, n, p) + AtLeast(from, n, p);
        }
        else
        {
            // Below the mean the mass only rises: find the first outcome more likely than k.
            var upTo = FirstTrue(0, (long)Math.Floor(mean), i => !NoMoreLikely(i)) - 1;
            value = AtMost(upTo, n, p) + AtLeast(k, n, p);
        }
        return Math.Clamp(value, 0, 1);
    }

    /// <summary>The smallest i in [low, high] where the monotone predicate holds, or high + 1.</summary>
    private static long FirstTrue(long low, long high, Func<long, bool> predicate)
    {
        var end = high + 1;
        while (low < end)
        {
            var middle = low + (end - low) / 2;
            if (predicate(middle))
                end = middle;
            else
                low = middle + 1;
        }
        return low;
    }

    /// <summary>P(X ≤ x) = I_{1−p}(n − x, x + 1).</summary>
    private static double AtMost(long x, long n, double p) =>
        x < 0 ? 0 : x >= n ? 1 : SpecialFunctions.BetaRegularized(n - x, x + 1, 1 - p);

    /// <summary>P(X ≥ x) = I_p(x, n − x + 1).</summary>
    private static double AtLeast(long x, long n, double p) =>
        x <= 0 ? 1 : x > n ? 0 : SpecialFunctions.BetaRegularized(x, n - x + 1, p);
}
