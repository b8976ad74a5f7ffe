namespace Platform.Results;

/// <summary>How distances between values count: nominal (any two different values disagree equally) or ordinal (by rank).</summary>
public enum AlphaMetric { Nominal, Ordinal }

/// <summary>
/// Krippendorff's alpha over <paramref name="Units"/> items judged by two or more coders; null when it is undefined
/// (nothing to pair, or every value the same).
/// </summary>
public sealed record Agreement(double? Alpha, int Units);
