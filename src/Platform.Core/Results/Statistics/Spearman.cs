namespace Platform.Results;

/// <summary>
/// Spearman's rank correlation ρ: Pearson's correlation of the two variables' ranks, tied values sharing their average
/// rank (Spearman 1904; the tie handling of R's <c>cor(method = "spearman")</c> and SciPy's <c>spearmanr</c>).
/// </summary>
public static class Spearman
{
    /// <summary>ρ of the paired values; NaN with fewer than two pairs or when either variable is constant.</summary>
    public static double Rho(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count) throw new ArgumentException("The two variables need as many values.", nameof(y));
        return Pearson(Ranks(x), Ranks(y));
    }

    /// <summary>ρ with a 95 % percentile bootstrap interval over the pairs (<see cref="Bootstrap"/>).</summary>
    public static Estimate WithInterval(IReadOnlyList<double> x, IReadOnlyList<double> y, int resamples = Bootstrap.DefaultResamples, int seed = Bootstrap.DefaultSeed)
    {
        if (x.Count != y.Count) throw new ArgumentException("The two variables need as many values.", nameof(y));
        return Bootstrap.Of(x.Count, indices => Rho([.. indices.Select(i => x[i])], [.. indices.Select(i => y[i])]), resamples, seed);
    }

    /// <summary>Ranks from 1, ties given the mean of the ranks they span.</summary>
    public static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]].Equals(values[order[start]])) end++;
            var shared = (start + end) / 2.0 + 1;
            for (var k = start; k <= end; k++) ranks[order[k]] = shared;
            start = end + 1;
        }
        return ranks;
    }

    private static double Pearson(double[] a, double[] b)
    {
        if (a.Length < 2) return double.NaN;
        double meanA = a.Average(), meanB = b.Average(), covariance = 0, varianceA = 0, varianceB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            covariance += (a[i] - meanA) * (b[i] - meanB);
            varianceA += (a[i] - meanA) * (a[i] - meanA);
            varianceB += (b[i] - meanB) * (b[i] - meanB);
        }
        return varianceA == 0 || varianceB == 0 ? double.NaN : covariance / Math.Sqrt(varianceA * varianceB);
    }
}
