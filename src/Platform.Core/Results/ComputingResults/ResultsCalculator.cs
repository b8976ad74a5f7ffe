using Platform.Studies;
using static Platform.Results.CountedJudgments;

namespace Platform.Results;

/// <summary>
/// Turns a study's judgments into the figures researchers publish: pairwise shares (table 9), success rates
/// (tables 3 and 5), a Bradley–Terry ranking, Krippendorff's alpha and the position bias. Gold trials only screen
/// participants; they never count in the figures.
/// </summary>
public static class ResultsCalculator
{
    public static StudyResults Compute(Guid studyId, long eventVersion, StudySettings settings, IReadOnlyList<Judgment> judgments, ResultsOptions options)
    {
        // Participants are screened on everything they answered (gold trials belong to no task), then the task filter
        // applies: a careless participant stays excluded whichever task is looked at.
        var screened = Screening.Assess(judgments, settings.Exclusions ?? ExclusionRules.None);
        IReadOnlyList<Judgment> inTask = judgments;
        var quality = screened;
        if (options.Task is not null)
        {
            inTask = [.. judgments.Where(j => j.Task == options.Task)];
            var present = inTask.Select(j => j.ParticipantId).ToHashSet(StringComparer.Ordinal);
            quality = [.. screened.Where(q => present.Contains(q.ParticipantId))];
        }
        var flagged = quality.Where(q => q.Excluded).Select(q => q.ParticipantId).ToHashSet(StringComparer.Ordinal);
        var kept = inTask.Where(j => !(options.ApplyExclusions && flagged.Contains(j.ParticipantId))).ToList();
        var counted = new CountedJudgments(settings, kept.Where(j => !j.IsGold));
        var pairwise = settings.Kind == StudyKind.Pairwise;

        return new StudyResults(
            studyId, eventVersion, options.ApplyExclusions, options.Task,
            counted.Items.Count, kept.Count(j => j.IsGold), quality.Count, flagged.Count,
            pairwise ? PairwiseRows(counted, overall: options.Task is null) : [],
            pairwise ? Ranking(counted, options) : [],
            pairwise ? [] : SuccessRows(counted, overall: options.Task is null),
            Agreement(counted, pairwise),
            pairwise ? PositionBias(counted) : null,
            quality);
    }

    /// <param name="overall">Whether to add the rows over all tasks (task null); not when one task is asked for, where
    /// they would be that task's rows under the name of all.</param>
    private static List<PairwiseRow> PairwiseRows(CountedJudgments counted, bool overall)
    {
        // Key: (A, B, task + 1), task 0 standing for "all tasks".
        var tallies = new SortedDictionary<(int A, int B, int Task), int[]>();
        foreach (var item in counted.Items)
        {
            if (overall) Tally(tallies, (item.A, item.B, 0))[(int)item.Outcome]++;
            if (item.Task >= 0) Tally(tallies, (item.A, item.B, item.Task + 1))[(int)item.Outcome]++;
        }
        return [.. tallies.Select(t => PairwiseRow(counted.Conditions[t.Key.A], counted.Conditions[t.Key.B], TaskName(counted, t.Key.Task), t.Value))];
    }

    private static PairwiseRow PairwiseRow(string a, string b, string? task, int[] counts)
    {
        var (aWins, same, bWins) = (counts[(int)Outcome.A], counts[(int)Outcome.Same], counts[(int)Outcome.B]);
        var n = aWins + same + bWins;
        var good = Wilson.Interval(aWins, n);
        var bad = Wilson.Interval(bWins, n);
        return new PairwiseRow(a, b, task, n, aWins, same, bWins, good, Wilson.Interval(same, n), bad, good.Rate - bad.Rate);
    }

    private static List<RankingRow> Ranking(CountedJudgments counted, ResultsOptions options)
    {
        var outcomes = new Dictionary<(int A, int B), long[]>();
        foreach (var item in counted.Items)
        {
            if (!outcomes.TryGetValue((item.A, item.B), out var counts)) outcomes[(item.A, item.B)] = counts = new long[3];
            counts[(int)item.Outcome]++;
        }
        var pairs = outcomes.Select(o => new PairOutcome(o.Key.A, o.Key.B, o.Value[0], o.Value[1], o.Value[2])).ToList();
        // A condition without comparisons has no rating: it is neither listed nor counted in the others' ranks.
        return [.. BradleyTerry.Rank(counted.Conditions.Count, pairs, options.Resamples, options.Seed)
            .Select(r => new RankingRow(counted.Conditions[r.Condition], r.Value, r.Low, r.High, r.Rank, r.N, r.WorstRank))
            .OrderBy(r => r.Rank).ThenByDescending(r => r.Rating)];
    }

    private static List<SuccessRow> SuccessRows(CountedJudgments counted, bool overall)
    {
        var tallies = new SortedDictionary<(int Condition, int Task), int[]>();
        foreach (var item in counted.Items)
        {
            var success = item.Outcome == Outcome.Success ? 1 : 0;
            if (overall) Tally(tallies, (item.A, 0), success);
            if (item.Task >= 0) Tally(tallies, (item.A, item.Task + 1), success);
        }
        return [.. tallies.Select(t =>
        {
            var share = Wilson.Interval(t.Value[1], t.Value[0]);
            return new SuccessRow(counted.Conditions[t.Key.Condition], TaskName(counted, t.Key.Task), t.Value[0], t.Value[1], share.Rate, share.Low, share.High);
        })];
    }

    /// <summary>
    /// Krippendorff's alpha over the trials two or more participants judged: ordinal over A preferred &lt; same &lt;
    /// B preferred for pairs, nominal over success / failure for ratings.
    /// </summary>
    private static AgreementRow Agreement(CountedJudgments counted, bool pairwise)
    {
        var units = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var item in counted.Items)
        {
            if (!units.TryGetValue(item.Unit, out var values)) units[item.Unit] = values = [];
            values.Add(pairwise ? (int)item.Outcome : item.Outcome == Outcome.Success ? 1 : 0);
        }
        var alpha = Krippendorff.Alpha(units.Values, pairwise ? AlphaMetric.Ordinal : AlphaMetric.Nominal);
        return new AgreementRow(alpha.Alpha, alpha.Units);
    }

    private static PositionBiasRow PositionBias(CountedJudgments counted)
    {
        var left = counted.Items.Count(i => i.Winner == Side.Left);
        var n = left + counted.Items.Count(i => i.Winner == Side.Right);
        var share = Wilson.Interval(left, n);
        return new PositionBiasRow(left, n, share.Rate, share.Low, share.High, BinomialTest.TwoSidedPValue(left, n));
    }

    private static string? TaskName(CountedJudgments counted, int task) => task == 0 ? null : counted.Tasks[task - 1];

    private static int[] Tally<TKey>(SortedDictionary<TKey, int[]> tallies, TKey key) where TKey : notnull
    {
        if (!tallies.TryGetValue(key, out var counts)) tallies[key] = counts = new int[3];
        return counts;
    }

    /// <summary>Counts [judgments, successes].</summary>
    private static void Tally<TKey>(SortedDictionary<TKey, int[]> tallies, TKey key, int success) where TKey : notnull
    {
        var counts = Tally(tallies, key);
        counts[0]++;
        counts[1] += success;
    }
}
