using System.Globalization;
using System.Text;
using Platform.Results;
using Platform.Studies;

namespace Platform.Web.Results;

/// <summary>
/// The metrics in the shape of the paper's table 4: per condition the mean of each metric with its 95 % bootstrap
/// interval, then the people's success (or win) rate over the same videos; and a second table of how each metric agrees
/// with the people. COLMAP's metrics carry the paper's symbols.
/// </summary>
public static class MetricsTex
{
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        [Consistency.RegisteredShare] = "Reg.",
        [Consistency.Points] = "$N$",
        [Consistency.TrackLength] = "$T$",
        [Consistency.Error] = "$\\epsilon_{\\mathrm{proj}}$",
        [Consistency.BestError] = "$\\hat{\\epsilon}_{\\mathrm{proj}}$",
    };

    public static void Write(StringBuilder tex, StudySettings settings, MetricTable metrics)
    {
        if (metrics.Conditions.Count == 0) return;
        var names = metrics.Conditions.Select(c => c.Metric).Distinct(StringComparer.Ordinal).ToList();
        var people = settings.Kind == StudyKind.Rating ? "Success (\\%)" : "Win rate (\\%)";
        ResultsTex.Begin(tex, "Per-video metrics per condition: means with 95 \\% bootstrap intervals; the people's rate over the same videos with its 95 \\% Wilson interval. " +
            "Reg.: share of frames COLMAP registered; $N$: 3D points; $T$: mean track length; $\\epsilon_{\\mathrm{proj}}$: mean reprojection error (px), " +
            "$\\hat{\\epsilon}_{\\mathrm{proj}}$ over the 1,000 points with the smallest error. " +
            "Where a condition's metrics cover different videos, the people's rate stands beside each mean.", names.Count + 2);
        tex.AppendLine("Condition & " + string.Join(" & ", names.Select(Header)) + " & " + people + " \\\\").AppendLine("\\midrule");
        foreach (var condition in settings.Conditions)
        {
            var rows = metrics.Conditions.Where(c => c.Condition == condition.Key).ToList();
            if (rows.Count == 0) continue;
            var judged = rows.Where(r => r.Judgments > 0).ToList();
            var shared = !metrics.PeopleDiffer(condition.Key);
            var cells = names.Select(n => rows.FirstOrDefault(r => r.Metric == n) is { } r
                ? Mean(r.Mean) + (shared || r.Judgments == 0 ? "" : $" {{\\scriptsize people {ResultsTex.Percent(r.People.Rate)}}}") : "--");
            var rate = shared && judged.Count > 0
                ? $"{ResultsTex.Percent(judged[0].People.Rate)} {{\\scriptsize [{ResultsTex.Percent(judged[0].People.Low)}, {ResultsTex.Percent(judged[0].People.High)}]}}" : "--";
            tex.AppendLine(ResultsTex.Escape(condition.Label) + " & " + string.Join(" & ", cells) + " & " + rate + " \\\\");
        }
        ResultsTex.End(tex);

        ResultsTex.Begin(tex, "Agreement of each metric with the people: Spearman's $\\rho$ between a video's metric and its human success share (95 \\% bootstrap interval); " +
            "in a pairwise study, the share of judged pairs the metric orders as people did.", 4);
        tex.AppendLine("Metric & Better & $\\rho$ & Pairs ordered (\\%) \\\\").AppendLine("\\midrule");
        foreach (var a in metrics.Agreement)
        {
            var order = a.PairOrder is { } o && double.IsFinite(o.Value) ? ResultsTex.Percent(o.Value) : "--";
            tex.AppendLine(Header(a.Metric) + " & " + (a.HigherIsBetter ? "higher" : "lower") + " & " + Rho(a.Spearman) + " & " + order + " \\\\");
        }
        ResultsTex.End(tex);
    }

    private static string Header(string metric) => Symbols.GetValueOrDefault(metric) ?? ResultsTex.Escape(metric);

    private static string Mean(Estimate e) => double.IsFinite(e.Value)
        ? double.IsFinite(e.Low) ? $"{Number(e.Value)} {{\\scriptsize [{Number(e.Low)}, {Number(e.High)}]}}" : Number(e.Value)
        : "--";

    private static string Rho(Estimate e) => double.IsFinite(e.Value)
        ? ResultsTex.Invariant($"{e.Value:0.00}") + (double.IsFinite(e.Low) ? ResultsTex.Invariant($" {{\\scriptsize [{e.Low:0.00}, {e.High:0.00}]}}") : "")
        : "--";

    /// <summary>Three significant figures or whole numbers, as the paper prints N = 42,895 and ε = 0.135.</summary>
    private static string Number(double value) => Math.Abs(value) >= 100
        ? value.ToString("#,0", CultureInfo.InvariantCulture).Replace(",", "{,}", StringComparison.Ordinal)
        : value.ToString(Math.Abs(value) >= 10 ? "0.0" : Math.Abs(value) >= 1 ? "0.00" : "0.000", CultureInfo.InvariantCulture);
}
