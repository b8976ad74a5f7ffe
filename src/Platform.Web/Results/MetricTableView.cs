using Platform.Results;

namespace Platform.Web.Results;

/// <summary>An estimate as JSON carries it: null where it is not defined (no values, a constant variable), never NaN.</summary>
public sealed record EstimateView(double? Value, double? Low, double? High, int N)
{
    public static EstimateView From(Estimate e) => new(Finite(e.Value), Finite(e.Low), Finite(e.High), e.N);

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}

/// <param name="People">Null when no one has judged the condition's measured videos yet.</param>
public sealed record ConditionMetricView(string Metric, string Condition, EstimateView Mean, Proportion? People, long Judgments);

public sealed record MetricAgreementView(string Metric, bool HigherIsBetter, EstimateView Spearman, EstimateView? PairOrder);

/// <summary>The metrics table of a study (<see cref="MetricTable"/>) for the API.</summary>
/// <param name="PeopleDiffer">The conditions whose people's rate differs between metrics (<see cref="MetricTable.PeopleDiffer"/>).</param>
public sealed record MetricTableView(IReadOnlyList<ConditionMetricView> Conditions, IReadOnlyList<MetricAgreementView> Agreement, IReadOnlyList<string> PeopleDiffer)
{
    public static MetricTableView From(MetricTable table) => new(
        [.. table.Conditions.Select(c => new ConditionMetricView(c.Metric, c.Condition, EstimateView.From(c.Mean), c.Judgments == 0 ? null : c.People, c.Judgments))],
        [.. table.Agreement.Select(a => new MetricAgreementView(a.Metric, a.HigherIsBetter, EstimateView.From(a.Spearman),
            a.PairOrder is { } order ? EstimateView.From(order) : null))],
        [.. table.Conditions.Select(c => c.Condition).Distinct().Where(table.PeopleDiffer)]);
}
