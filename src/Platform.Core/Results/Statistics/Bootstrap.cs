namespace Platform.Results;

/// <summary>An estimate with its 95 % percentile bootstrap interval and the number of values behind it.</summary>
public readonly record struct Estimate(double Value, double Low, double High, int N);

/// <summary>
/// Percentile bootstrap (Efron and Tibshirani 1993, ch. 13): the statistic recomputed on resamples drawn with replacement,
/// the interval between the 2.5th and 97.5th percentiles (type 7) of those that are defined. Each resample has its own
/// generator seeded from the seed, so the same values and seed give the same interval on any machine and schedule.
/// </summary>
public static class Bootstrap
{
    public const int DefaultResamples = 2000;
    public const int DefaultSeed = 20240101;

    /// <summary>The mean of <paramref name="values"/>; NaN bounds when there is none.</summary>
    public static Estimate Mean(IReadOnlyList<double> values, int resamples = DefaultResamples, int seed = DefaultSeed) =>
        Of(values.Count, indices => Average(values, indices), resamples, seed);

    /// <summary>
    /// <paramref name="statistic"/> on <paramref name="count"/> items and on resamples of their indices; a resample whose
    /// statistic is not a number (a correlation of constant values, say) takes no part in the interval.
    /// </summary>
    public static Estimate Of(int count, Func<int[], double> statistic, int resamples = DefaultResamples, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        if (count == 0) return new Estimate(double.NaN, double.NaN, double.NaN, 0);
        var value = statistic([.. Enumerable.Range(0, count)]);
        var generator = new Random(seed);
        var seeds = Enumerable.Range(0, resamples).Select(_ => generator.Next()).ToArray();
        var draws = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            var random = new Random(seeds[r]);
            var indices = new int[count];
            for (var i = 0; i < count; i++) indices[i] = random.Next(count);
            draws[r] = statistic(indices);
        }
        var defined = draws.Where(double.IsFinite).Order().ToArray();
        return defined.Length == 0
            ? new Estimate(value, double.NaN, double.NaN, count)
            : new Estimate(value, Percentile.Of(defined, 0.025), Percentile.Of(defined, 0.975), count);
    }

    private static double Average(IReadOnlyList<double> values, int[] indices)
    {
        var sum = 0.0;
        foreach (var i in indices) sum += values[i];
        return sum / indices.Length;
    }
}
