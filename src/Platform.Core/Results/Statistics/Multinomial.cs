namespace Platform.Results;

/// <summary>
/// A multinomial draw as a chain of conditional binomials: cell i takes Bin(draws left, weight_i / weight left).
/// Resampling n items with replacement is exactly such a draw over their distinct cells, at a cost independent of n.
/// </summary>
internal static class Multinomial
{
    public static void Draw(Random random, long n, ReadOnlySpan<long> weights, Span<long> counts)
    {
        long weightLeft = 0;
        foreach (var weight in weights)
            weightLeft += weight;
        var left = n;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weightLeft <= 0 || left == 0)
            {
                counts[i] = 0;
                continue;
            }
            var count = weights[i] >= weightLeft ? left : BinomialSampler.Next(random, left, (double)weights[i] / weightLeft);
            counts[i] = count;
            left -= count;
            weightLeft -= weights[i];
        }
    }
}
