using Platform.Studies;
using Platform.Voting;

namespace Platform.Results;

/// <summary>How carefully one participant answered, and whether the study's exclusion rules leave them out.</summary>
/// <param name="GoldAccuracy">Share of gold trials answered correctly; null without gold trials.</param>
/// <param name="MedianDecisionMs">Null when no decision time is known (imported answers).</param>
/// <param name="IdenticalShare">Share of their answers that equal their most frequent answer (1 = always the same button).</param>
public sealed record ParticipantQuality(
    string ParticipantId,
    int Judgments,
    int GoldTrials,
    int GoldCorrect,
    double? GoldAccuracy,
    int? MedianDecisionMs,
    double IdenticalShare,
    bool Excluded,
    IReadOnlyList<string> Reasons);

public static class Screening
{
    /// <summary>Quality figures per participant (in participant order) and the exclusions the rules call for.</summary>
    public static IReadOnlyList<ParticipantQuality> Assess(IEnumerable<Judgment> judgments, ExclusionRules rules) =>
        [.. judgments.GroupBy(j => j.ParticipantId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Assess(g.Key, [.. g], rules))];

    private static ParticipantQuality Assess(string participant, List<Judgment> answers, ExclusionRules rules)
    {
        var gold = answers.Where(j => j.IsGold).ToList();
        var goldCorrect = gold.Count(j => j.Correct == true);
        double? accuracy = gold.Count == 0 ? null : (double)goldCorrect / gold.Count;
        var median = Median([.. answers.Where(j => j.DecisionMs is not null).Select(j => j.DecisionMs!.Value)]);
        var regular = answers.Where(j => !j.IsGold).ToList();
        var identical = regular.Count == 0 ? 0 : (double)regular.GroupBy(j => j.Choice).Max(c => c.Count()) / regular.Count;

        var reasons = new List<string>();
        if (rules.MaxGoldFailureRate is { } maxFailed && accuracy is { } a && 1 - a > maxFailed + 1e-12)
            reasons.Add($"failed {gold.Count - goldCorrect} of {gold.Count} gold trials");
        if (rules.MinMedianDecisionMs is { } minMs && median is { } m && m < minMs)
            reasons.Add($"median decision time {m} ms is under {minMs} ms");
        return new ParticipantQuality(participant, regular.Count, gold.Count, goldCorrect, accuracy, median, identical, reasons.Count > 0, reasons);
    }

    /// <summary>The middle value, or the mean of the two middle values rounded down; null for none.</summary>
    public static int? Median(List<int> values)
    {
        if (values.Count == 0) return null;
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (int)(((long)values[middle - 1] + values[middle]) / 2);
    }
}
