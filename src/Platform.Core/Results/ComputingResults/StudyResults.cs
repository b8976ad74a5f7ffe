namespace Platform.Results;

/// <summary>
/// Everything a researcher publishes from a study, computed at one event version. <c>Judgments</c> counts the answers
/// in the figures (recorded and imported, in the task and after the exclusions asked for); <c>GoldJudgments</c> the
/// answers to gold trials (attention checks) of the same participants, counted separately because they only screen
/// participants. <c>ExcludedParticipants</c> counts those the study's rules flag, whether or not
/// <c>ExclusionsApplied</c>; <c>PositionBias</c> is null for ratings. Field names are a contract: scripts and
/// notebooks read them. Rates are fractions, not percentages; a null task means over all tasks.
/// </summary>
public sealed record StudyResults(
    Guid StudyId,
    long EventVersion,
    bool ExclusionsApplied,
    string? Task,
    int Judgments,
    int GoldJudgments,
    int Participants,
    int ExcludedParticipants,
    IReadOnlyList<PairwiseRow> Pairwise,
    IReadOnlyList<RankingRow> Ranking,
    IReadOnlyList<SuccessRow> Success,
    AgreementRow Agreement,
    PositionBiasRow? PositionBias,
    IReadOnlyList<ParticipantQuality> ParticipantQuality);

/// <summary>
/// Condition A against condition B (B is the baseline when the study has one, otherwise the one later in the study's
/// order of conditions; see <see cref="PairOrder"/>): how often each was preferred.
/// Good / Same / Bad are the shares of A preferred / ties / B preferred, as in table 9 of the paper.
/// </summary>
public sealed record PairwiseRow(
    string ConditionA,
    string ConditionB,
    string? Task,
    int N,
    int APreferred,
    int Same,
    int BPreferred,
    Proportion Good,
    Proportion SameShare,
    Proportion Bad,
    double GoodMinusBad);

/// <summary>
/// One condition's Bradley–Terry rating (Elo scale, mean 1000) with its bootstrap 95 % interval and the places the
/// intervals allow it (<see cref="RankRange"/>): <c>BestRank</c> to <c>WorstRank</c>. <c>Rank</c> is the best, Chatbot
/// Arena's rank by upper bound, kept under its old name for the scripts that read it. Only conditions compared at least
/// once (<c>N</c> &gt; 0) have a row; a condition never compared is left out of the ranking and of the others' ranks.
/// </summary>
public sealed record RankingRow(string Condition, double Rating, double Low, double High, int Rank, long N, int WorstRank)
{
    public int BestRank => Rank;

    /// <summary>"1–3", or "2" when the place is certain.</summary>
    public string Places() => new RankRange(Rank, WorstRank).ToString();
}

public sealed record SuccessRow(string Condition, string? Task, int N, int Successes, double Rate, double Low, double High);

/// <param name="KrippendorffAlpha">Null when no trial was judged twice or every answer was the same (<see cref="NotComputedBecause"/> says which).</param>
/// <param name="Trials">Trials judged by two or more participants.</param>
public sealed record AgreementRow(double? KrippendorffAlpha, int Trials)
{
    /// <summary>Why there is no alpha, in words a researcher can act on; null when there is one.</summary>
    public string? NotComputedBecause => KrippendorffAlpha is not null ? null
        : Trials == 0 ? "not computed yet: it needs at least two judgments on the same trial, and no trial has two yet"
        : $"not defined: every answer on the {Wording.Count(Trials, "trial")} judged more than once is the same, and alpha needs answers that differ somewhere to compare with";
}

/// <summary>How often the left-hand video won among non-tie pairwise answers; near 0.5 when sides are randomised.</summary>
public sealed record PositionBiasRow(int LeftWins, int N, double Rate, double Low, double High, double PValue);
