namespace Platform.Results;

/// <summary>
/// One condition's Bradley–Terry rating on the Elo scale with its percentile bootstrap 95 % interval.
/// <paramref name="Rank"/> is 1 + the number of compared conditions whose Low is above this one's High (Chatbot Arena's
/// rank by upper bound, the best place the intervals allow); <paramref name="WorstRank"/> is the worst place they allow
/// (see <see cref="RankRange"/>). <paramref name="N"/> counts the comparisons this condition took part in.
/// </summary>
public sealed record Rating(int Condition, double Value, double Low, double High, int Rank, long N, int WorstRank);
