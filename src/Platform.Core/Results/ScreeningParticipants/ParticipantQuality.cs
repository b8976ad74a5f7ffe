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
    public static IReadOnlyList<ParticipantQuality> Assess(IEnumerable<Judgment> judgments, ExclusionRules rules)
    {
        // One pass over the judgments (a study may have millions), then a little work per participant.
        var tallies = new Dictionary<string, Tally>(StringComparer.Ordinal);
        foreach (var j in judgments)
        {
            if (!tallies.TryGetValue(j.ParticipantId, out var tally)) tallies[j.ParticipantId] = tally = new Tally();
            tally.Add(j);
        }
        return [.. tallies.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Value.Assess(t.Key, rules))];
    }

    /// <summary>The middle value, or the mean of the two middle values rounded down; null for none.</summary>
    public static int? Median(List<int> values)
    {
        if (values.Count == 0) return null;
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (int)(((long)values[middle - 1] + values[middle]) / 2);
    }

    private sealed class Tally
    {
        private readonly int[] _choices = new int[Enum.GetValues<Choice>().Length];
        private readonly List<int> _decisionMs = [];
        private int _gold, _goldCorrect, _regular;

        public void Add(Judgment j)
        {
            if (j.DecisionMs is { } ms) _decisionMs.Add(ms);
            if (j.IsGold)
            {
                _gold++;
                if (j.Correct == true) _goldCorrect++;
                return;
            }
            _regular++;
            _choices[(int)j.Choice]++;
        }

        public ParticipantQuality Assess(string participant, ExclusionRules rules)
        {
            double? accuracy = _gold == 0 ? null : (double)_goldCorrect / _gold;
            var median = Median(_decisionMs);
            var identical = _regular == 0 ? 0 : (double)_choices.Max() / _regular;

            var reasons = new List<string>();
            if (rules.MaxGoldFailureRate is { } maxFailed && accuracy is { } a && 1 - a > maxFailed + 1e-12
                && _gold - _goldCorrect >= (rules.MinGoldFailures ?? 1))
                reasons.Add($"failed {_gold - _goldCorrect} of {_gold} gold trials");
            if (rules.MinMedianDecisionMs is { } minMs && median is { } m && m < minMs)
                reasons.Add($"median decision time {m} ms is under {minMs} ms");
            return new ParticipantQuality(participant, _regular, _gold, _goldCorrect, accuracy, median, identical, reasons.Count > 0, reasons);
        }
    }
}
