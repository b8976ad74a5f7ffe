using MathNet.Numerics;

namespace Platform.Results;

/// <summary>
/// Log of the binomial probability mass by Loader's saddle-point expansion (Loader 2000, "Fast and Accurate
/// Computation of Binomial Probabilities"; R's dbinom_raw): accurate to full precision even for n = 10^7,
/// where differences of log-gammas would lose eight digits.
/// </summary>
internal static class BinomialDensity
{
    private static readonly double LogSqrtTwoPi = 0.5 * Math.Log(2 * Math.PI);

    public static double LogPmf(long k, long n, double p)
    {
        if (k < 0 || k > n)
            return double.NegativeInfinity;
        if (p == 0)
            return k == 0 ? 0 : double.NegativeInfinity;
        if (p == 1)
            return k == n ? 0 : double.NegativeInfinity;
        if (k == 0)
            return n * LogMath.Log1P(-p);
        if (k == n)
            return n * Math.Log(p);

        var q = 1 - p;
        var lc = StirlingError(n) - StirlingError(k) - StirlingError(n - k) - Deviance(k, n * p) - Deviance(n - k, n * q);
        var lf = 2 * LogSqrtTwoPi + Math.Log(k) + LogMath.Log1P(-(double)k / n);
        return lc - 0.5 * lf;
    }

    /// <summary>log(n!) − log(√(2π n) (n/e)^n).</summary>
    private static double StirlingError(double n)
    {
        if (n <= 15)
            return SpecialFunctions.GammaLn(n + 1) - (n + 0.5) * Math.Log(n) + n - LogSqrtTwoPi;
        const double s0 = 1.0 / 12, s1 = 1.0 / 360, s2 = 1.0 / 1260, s3 = 1.0 / 1680, s4 = 1.0 / 1188;
        var nn = n * n;
        if (n > 500)
            return (s0 - s1 / nn) / n;
        if (n > 80)
            return (s0 - (s1 - s2 / nn) / nn) / n;
        if (n > 35)
            return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n;
        return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n;
    }

    /// <summary>x log(x / m) + m − x, by a series when x is close to m.</summary>
    private static double Deviance(double x, double m)
    {
        if (Math.Abs(x - m) < 0.1 * (x + m))
        {
            var v = (x - m) / (x + m);
            var s = (x - m) * v;
            var ej = 2 * x * v;
            v *= v;
            for (var j = 1; j < 1000; j++)
            {
                ej *= v;
                var next = s + ej / (2 * j + 1);
                if (next == s)
                    return next;
                s = next;
            }
            return s;
        }
        return x * Math.Log(x / m) + m - x;
    }
}
