namespace Platform.Results;

/// <summary>Hyndman and Fan's type 7 quantile (linear interpolation between order statistics; R's and numpy's default).</summary>
internal static class Percentile
{
    public static double Of(ReadOnlySpan<double> sorted, double fraction)
    {
        if (sorted.IsEmpty)
            throw new ArgumentException("No values.", nameof(sorted));
        var h = (sorted.Length - 1) * fraction;
        var below = (int)Math.Floor(h);
        if (below >= sorted.Length - 1)
            return sorted[^1];
        return sorted[below] + (h - below) * (sorted[below + 1] - sorted[below]);
    }
}
