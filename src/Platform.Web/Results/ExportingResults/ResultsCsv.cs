using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration.Attributes;
using Platform.Results;
using Platform.Studies;

namespace Platform.Web.Results;

/// <summary>
/// The results as one long ("tidy") table a notebook can filter: one row per figure, every row stating the event
/// version it was computed at and whether exclusions were applied. The ranking's rows give the places its intervals
/// allow (best_rank to worst_rank; rank is the best, under its old name); the counts rows what the figures rest on.
/// </summary>
public static class ResultsCsv
{
    public sealed record Line(
        [property: Name("event_version")] long EventVersion,
        [property: Name("exclusions")] bool Exclusions,
        [property: Name("table")] string Table,
        [property: Name("condition")] string? Condition,
        [property: Name("versus")] string? Versus,
        [property: Name("task")] string? Task,
        [property: Name("measure")] string Measure,
        [property: Name("n")] long? N,
        [property: Name("count")] long? Count,
        [property: Name("value")] double? Value,
        [property: Name("low")] double? Low,
        [property: Name("high")] double? High,
        [property: Name("rank")] int? Rank,
        [property: Name("best_rank")] int? BestRank,
        [property: Name("worst_rank")] int? WorstRank,
        [property: Name("p_value")] double? PValue,
        [property: Name("metric")] string? Metric = null,
        [property: Name("note")] string? Note = null);

    public static async Task WriteAsync(StudyResults results, MetricTable metrics, TextWriter writer, CancellationToken cancellationToken, StudyGoalMet? stoppedBy = null)
    {
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        await csv.WriteRecordsAsync(Lines(results).Concat(MetricLines(results, metrics)).Concat(StoppingLines(results, stoppedBy)), cancellationToken);
    }

    /// <summary>
    /// Why an adaptive study stopped (table "stopping"): one "goal_met" row with the rule, the outcome and the time in
    /// its note and the judgments it was assessed on in its count, then each unit as it stood, its state as the measure.
    /// </summary>
    public static IEnumerable<Line> StoppingLines(StudyResults r, StudyGoalMet? stoppedBy)
    {
        if (stoppedBy is null) yield break;
        yield return new(r.EventVersion, r.ExclusionsApplied, "stopping", null, null, null, "goal_met", null, stoppedBy.Judgments, null, null, null, null, null, null, null,
            Note: CsvCells.Text($"{stoppedBy.Rule}; {stoppedBy.Outcome}; stopped at {stoppedBy.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}"));
        foreach (var u in stoppedBy.Units)
        {
            var (condition, versus) = GoalUnits.Split(u.Unit);
            yield return new(r.EventVersion, r.ExclusionsApplied, "stopping", CsvCells.Text(condition), CsvCells.Text(versus), null, System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(u.State.ToString()), u.N, null,
                u.Estimate, u.Low, u.High, null, null, null, null);
        }
    }

    /// <summary>
    /// The per-video metrics (table "metrics"): per condition the metric's mean with its bootstrap interval ("mean") and the
    /// people's rate over the same videos with its Wilson interval ("people_rate"); per metric Spearman's ρ with people
    /// ("spearman_rho") and, in a pairwise study, the share of judged pairs it orders as people did ("pair_order_share").
    /// </summary>
    public static IEnumerable<Line> MetricLines(StudyResults r, MetricTable metrics)
    {
        Line L(string? condition, string measure, string metric, long? n, double? value, double? low, double? high) =>
            new(r.EventVersion, r.ExclusionsApplied, "metrics", CsvCells.Text(condition), null, CsvCells.Text(r.Task), measure, n, null,
                Finite(value), Finite(low), Finite(high), null, null, null, null, CsvCells.Text(metric));
        foreach (var c in metrics.Conditions)
        {
            yield return L(c.Condition, "mean", c.Metric, c.Mean.N, c.Mean.Value, c.Mean.Low, c.Mean.High);
            if (c.Judgments > 0) yield return L(c.Condition, "people_rate", c.Metric, c.Judgments, c.People.Rate, c.People.Low, c.People.High);
        }
        foreach (var a in metrics.Agreement)
        {
            yield return L(null, "spearman_rho", a.Metric, a.Spearman.N, a.Spearman.Value, a.Spearman.Low, a.Spearman.High);
            if (a.PairOrder is { } order) yield return L(null, "pair_order_share", a.Metric, order.N, order.Value, order.Low, order.High);
        }
    }

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    public static IEnumerable<Line> Lines(StudyResults r)
    {
        Line L(string table, string? condition, string? versus, string? task, string measure, long? n = null, long? count = null,
            double? value = null, double? low = null, double? high = null, RankingRow? rank = null, double? p = null) =>
            new(r.EventVersion, r.ExclusionsApplied, table, CsvCells.Text(condition), CsvCells.Text(versus), CsvCells.Text(task), measure, n, count, value, low, high,
                rank?.Rank, rank?.BestRank, rank?.WorstRank, p);

        // What the figures rest on; gold judgments (attention checks) are never in them and are counted on their own row.
        yield return L("counts", null, null, r.Task, "judgments", count: r.Judgments);
        yield return L("counts", null, null, r.Task, "gold_judgments", count: r.GoldJudgments);
        yield return L("counts", null, null, r.Task, "participants", count: r.Participants);
        yield return L("counts", null, null, r.Task, "excluded_participants", count: r.ExcludedParticipants);

        foreach (var p in r.Pairwise)
        {
            yield return L("pairwise", p.ConditionA, p.ConditionB, p.Task, "a_preferred", p.N, p.APreferred, p.Good.Rate, p.Good.Low, p.Good.High);
            yield return L("pairwise", p.ConditionA, p.ConditionB, p.Task, "same", p.N, p.Same, p.SameShare.Rate, p.SameShare.Low, p.SameShare.High);
            yield return L("pairwise", p.ConditionA, p.ConditionB, p.Task, "b_preferred", p.N, p.BPreferred, p.Bad.Rate, p.Bad.Low, p.Bad.High);
            yield return L("pairwise", p.ConditionA, p.ConditionB, p.Task, "good_minus_bad", p.N, value: p.GoodMinusBad);
        }
        foreach (var k in r.Ranking)
            yield return L("ranking", k.Condition, null, r.Task, "rating", k.N, value: k.Rating, low: k.Low, high: k.High, rank: k);
        foreach (var s in r.Success)
            yield return L("success", s.Condition, null, s.Task, "success_rate", s.N, s.Successes, s.Rate, s.Low, s.High);
        yield return L("agreement", null, null, r.Task, "krippendorff_alpha", r.Agreement.Trials, value: r.Agreement.KrippendorffAlpha);
        if (r.PositionBias is { } b)
            yield return L("position_bias", null, null, r.Task, "left_win_rate", b.N, b.LeftWins, b.Rate, b.Low, b.High, p: b.PValue);
    }
}
