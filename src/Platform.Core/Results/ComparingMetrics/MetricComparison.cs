using Platform.Voting;

namespace Platform.Results;

/// <summary>A human judgment as the metrics table needs it: the videos shown and the answer; <paramref name="Right"/> is null for a rating.</summary>
public sealed record VideoJudgment(Guid Left, Guid? Right, Choice Choice);

/// <summary>A candidate video of the study: which condition it stands for, for which task.</summary>
public sealed record MeasuredVideo(Guid VideoId, string Condition, string Task);

/// <summary>
/// One metric for one condition, as tables 3 and 4 of the paper set them: the mean over the condition's measured videos
/// with its bootstrap interval, beside the people's rate for those same videos (success rate in a rating study, win rate in a
/// pairwise one) with its Wilson interval.
/// </summary>
public sealed record ConditionMetric(string Metric, string Condition, Estimate Mean, Proportion People, long Judgments);

/// <summary>
/// How well a metric agrees with the people: Spearman's ρ between each video's metric and its human share, and in a
/// pairwise study the share of judged video pairs the metric orders as most judgments did (<see cref="OrderAgreement"/>).
/// </summary>
public sealed record MetricAgreement(string Metric, bool HigherIsBetter, Estimate Spearman, Estimate? PairOrder);

public sealed record MetricTable(IReadOnlyList<ConditionMetric> Conditions, IReadOnlyList<MetricAgreement> Agreement)
{
    /// <summary>
    /// Whether the people's rate of the condition differs between its metrics: each rate is over the videos its metric
    /// measured, so a metric imported for some videos only stands on other judgments than COLMAP's. A table then shows
    /// the rate beside each mean rather than in one column.
    /// </summary>
    public bool PeopleDiffer(string condition) =>
        Conditions.Where(c => c.Condition == condition && c.Judgments > 0).Select(c => (c.People.Rate, c.Judgments)).Distinct().Count() > 1;
}

public static class MetricComparison
{
    /// <param name="videos">The videos measured or judged, each once.</param>
    /// <param name="conditions">The study's condition keys, in its order: the table's row order.</param>
    /// <param name="judgments">The people's judgments to compare with (gold trials left out by the caller).</param>
    /// <param name="cancellationToken">Checked between metrics: each costs a few thousand resamples.</param>
    public static MetricTable Of(IReadOnlyList<MeasuredVideo> videos, IReadOnlyList<string> conditions, IReadOnlyList<MetricDeclared> metrics,
        IReadOnlyList<VideoMetric> values, IReadOnlyList<VideoJudgment> judgments, CancellationToken cancellationToken = default)
    {
        var people = VideoTallies.From(judgments);
        var byVideo = videos.ToDictionary(v => v.VideoId);
        var rows = new List<ConditionMetric>();
        var agreement = new List<MetricAgreement>();
        foreach (var metric in metrics)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var measured = values.Where(v => v.Metric == metric.Name && byVideo.ContainsKey(v.VideoId)).ToDictionary(v => v.VideoId, v => v.Value);
            foreach (var condition in conditions)
            {
                var ofCondition = videos.Where(v => v.Condition == condition && measured.ContainsKey(v.VideoId)).Select(v => v.VideoId).ToList();
                if (ofCondition.Count == 0) continue;
                var means = ofCondition.Select(id => measured[id]).ToList();
                var (won, taken) = people.Rate(ofCondition);
                rows.Add(new ConditionMetric(metric.Name, condition, Bootstrap.Mean(means), Wilson.Interval(won, taken), taken));
            }
            var judged = measured.Keys.Where(people.Judged).ToList();
            var rho = Spearman.WithInterval([.. judged.Select(id => measured[id])], [.. judged.Select(people.Share)]);
            var pairs = people.Pairs(measured);
            agreement.Add(new MetricAgreement(metric.Name, metric.HigherIsBetter, rho, pairs.Count == 0 ? null : OrderAgreement.Share(pairs, metric.HigherIsBetter)));
        }
        return new MetricTable(rows, agreement);
    }
}
