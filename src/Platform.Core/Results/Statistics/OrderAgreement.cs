namespace Platform.Results;

/// <summary>Two videos people compared: a metric's value for each, and how many judgments preferred each (ties left out).</summary>
public readonly record struct JudgedPair(double MetricA, double MetricB, int PreferredA, int PreferredB);

/// <summary>
/// How often a metric orders two videos as people did: over the pairs people did not split evenly, the share where the
/// video the metric scores better is the one most judgments preferred; a metric that scores both alike counts half (the
/// convention of Kendall's τ-b for ties, and of a coin toss). With a 95 % percentile bootstrap interval over the pairs.
/// </summary>
public static class OrderAgreement
{
    public static Estimate Share(IReadOnlyList<JudgedPair> pairs, bool higherIsBetter, int resamples = Bootstrap.DefaultResamples, int seed = Bootstrap.DefaultSeed)
    {
        var scores = pairs.Where(p => p.PreferredA != p.PreferredB).Select(p => Score(p, higherIsBetter)).ToArray();
        return Bootstrap.Of(scores.Length, indices => indices.Average(i => scores[i]), resamples, seed);
    }

    /// <summary>1 when the metric agrees with the people's majority, 0 when it disagrees, ½ when it cannot tell the two apart.</summary>
    public static double Score(JudgedPair pair, bool higherIsBetter)
    {
        if (pair.MetricA.Equals(pair.MetricB)) return 0.5;
        var metricPrefersA = higherIsBetter ? pair.MetricA > pair.MetricB : pair.MetricA < pair.MetricB;
        var peoplePreferA = pair.PreferredA > pair.PreferredB;
        return metricPrefersA == peoplePreferA ? 1 : 0;
    }
}
