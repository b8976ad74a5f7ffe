namespace Platform.Results;

/// <summary>Aggregated outcomes between two conditions (indexes into the condition list), A and B in any order.</summary>
public readonly record struct PairOutcome(int A, int B, long AWins, long Ties, long BWins);
