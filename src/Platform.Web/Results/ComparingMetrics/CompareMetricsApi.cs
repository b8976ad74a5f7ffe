namespace Platform.Web.Results;

public static class CompareMetricsApi
{
    public static void MapComparingMetrics(this RouteGroupBuilder studies) =>
        studies.MapGet("/metrics/table", async (Guid id, string? task, MetricTables tables, CancellationToken cancellationToken) =>
                TypedResults.Ok(MetricTableView.From(await tables.ComputeAsync(id, task, cancellationToken))))
            .WithSummary("Each metric per condition (mean with a 95 % bootstrap interval) beside the people's success or win rate (Wilson), and how well it agrees with them (Spearman's rho over videos; in a pairwise study the share of judged pairs it orders as people did)");
}
