namespace Platform.Results;

/// <summary>A share with its 95 % interval. Rates are fractions (0.2632), not percentages.</summary>
public readonly record struct Proportion(double Rate, double Low, double High);
