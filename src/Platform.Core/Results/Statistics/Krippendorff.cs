namespace Platform.Results;

/// <summary>
/// Krippendorff's alpha from the coincidence matrix (Krippendorff 2011, "Computing Krippendorff's
/// Alpha-Reliability"): α = 1 − (n − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck, which allows any number of coders per unit
/// and missing judgments. Linear in the number of values.
/// </summary>
public static class Krippendorff
{
    /// <summary>
    /// Each unit lists the values (small non-negative integers) given by the coders who judged it; units with fewer
    /// than two values cannot be paired and are left out.
    /// </summary>
    public static Agreement Alpha(IEnumerable<IReadOnlyList<int>> units, AlphaMetric metric)
    {
        ArgumentNullException.ThrowIfNull(units);
        var (pairable, largest) = Pairable(units);
        if (pairable.Count == 0)
            return new Agreement(null, 0);

        var coincidences = Coincidences(pairable, largest + 1);
        var values = coincidences.GetLength(0);
        var totals = new double[values];
        for (var c = 0; c < values; c++)
        {
            for (var k = 0; k < values; k++)
                totals[c] += coincidences[c, k];
        }
        var n = totals.Sum();
        var distance = Distances(totals, metric);
        double observed = 0, expected = 0;
        for (var c = 0; c < values; c++)
        {
            for (var k = 0; k < values; k++)
            {
                observed += coincidences[c, k] * distance[c, k];
                expected += totals[c] * totals[k] * distance[c, k];
            }
        }
        return new Agreement(expected == 0 ? null : 1 - (n - 1) * observed / expected, pairable.Count);
    }

    /// <summary>The units with two values or more, and the largest value of any unit.</summary>
    private static (List<IReadOnlyList<int>> Pairable, int Largest) Pairable(IEnumerable<IReadOnlyList<int>> units)
    {
        var pairable = new List<IReadOnlyList<int>>();
        var largest = -1;
        foreach (var unit in units)
        {
            for (var i = 0; i < unit.Count; i++)
            {
                var value = unit[i];
                if (value < 0)
                    throw new ArgumentOutOfRangeException(nameof(units), value, "Values must be non-negative.");
                largest = Math.Max(largest, value);
            }
            if (unit.Count >= 2)
                pairable.Add(unit);
        }
        return (pairable, largest);
    }

    /// <summary>o_ck: every ordered pair of values from different coders of a unit with m values adds 1 / (m − 1).</summary>
    private static double[,] Coincidences(List<IReadOnlyList<int>> units, int values)
    {
        var coincidences = new double[values, values];
        var counts = new int[values];
        var present = new List<int>();
        foreach (var unit in units)
        {
            for (var i = 0; i < unit.Count; i++)
            {
                if (counts[unit[i]]++ == 0)
                    present.Add(unit[i]);
            }
            var weight = 1.0 / (unit.Count - 1);
            foreach (var c in present)
            {
                foreach (var k in present)
                    coincidences[c, k] += weight * counts[c] * (c == k ? counts[c] - 1 : counts[k]);
            }
            foreach (var value in present)
                counts[value] = 0;
            present.Clear();
        }
        return coincidences;
    }

    /// <summary>
    /// δ²_ck: nominal [c ≠ k]; ordinal (Σ_{g=c..k} n_g − (n_c + n_k) / 2)², so that only the ranks of the values
    /// matter and values nobody used (n_g = 0) add no distance.
    /// </summary>
    private static double[,] Distances(double[] totals, AlphaMetric metric)
    {
        var values = totals.Length;
        var distance = new double[values, values];
        var below = new double[values + 1];
        for (var g = 0; g < values; g++)
            below[g + 1] = below[g] + totals[g];
        for (var c = 0; c < values; c++)
        {
            for (var k = 0; k < values; k++)
            {
                if (c == k)
                    continue;
                if (metric == AlphaMetric.Nominal)
                {
                    distance[c, k] = 1;
                    continue;
                }
                var (low, high) = (Math.Min(c, k), Math.Max(c, k));
                var spread = below[high + 1] - below[low] - (totals[c] + totals[k]) / 2;
                distance[c, k] = spread * spread;
            }
        }
        return distance;
    }
}
