namespace Platform.Results;

/// <summary>
/// Exact binomial draws by inversion that searches outward from the mode (Kemp 1986, "A modal method for generating
/// binomial variables"): the mass at the mode comes from its log, the rest from the ratio recurrence, so a draw costs
/// an expected O(√(n p (1 − p))) steps however large n is.
/// </summary>
internal static class BinomialSampler
{
    public static long Next(Random random, long n, double p)
    {
        if (n <= 0 || p <= 0)
            return 0;
        if (p >= 1)
            return n;

        var odds = p / (1 - p);
        var mode = Math.Min(n, (long)Math.Floor((n + 1) * p));
        var atMode = Math.Exp(BinomialDensity.LogPmf(mode, n, p));
        while (true)
        {
            var u = Uniform(random) - atMode;
            if (u <= 0)
                return mode;
            long up = mode, down = mode;
            double atUp = atMode, atDown = atMode;
            while ((up < n && atUp > 0) || (down > 0 && atDown > 0))
            {
                if (up < n && atUp > 0)
                {
                    atUp *= (double)(n - up) / (up + 1) * odds;
                    up++;
                    u -= atUp;
                    if (u <= 0)
                        return up;
                }
                if (down > 0 && atDown > 0)
                {
                    atDown *= down / (double)(n - down + 1) / odds;
                    down--;
                    u -= atDown;
                    if (u <= 0)
                        return down;
                }
            }
            // Rounding left a sliver of u unspent (probability ~1e-15): draw again rather than bias a tail.
        }
    }

    /// <summary>Uniform on [0, 1) with all 53 bits (a seeded Random's NextDouble has only 31).</summary>
    private static double Uniform(Random random) => random.NextInt64(1L << 53) * (1.0 / (1L << 53));
}
