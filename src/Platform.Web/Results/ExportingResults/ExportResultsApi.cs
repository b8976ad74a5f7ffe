using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Marten;
using Microsoft.Extensions.Options;
using Platform.Studies;

namespace Platform.Web.Results;

/// <param name="Goal">The adaptive study's goal in words; null for a fixed-k study.</param>
/// <param name="StoppedBy">The rule that stopped the study, the outcome, the judgments and the time; null while it runs.</param>
public sealed record StoppingView(string? Goal, StudyGoalMet? StoppedBy);

public static class ExportResultsApi
{
    public static void MapExportingResults(this RouteGroupBuilder studies)
    {
        studies.MapGet("/results", async (Guid id, bool? exclusions, string? task, ResultsReader reader, MetricTables tables, IDocumentStore store, HttpContext http,
                IOptions<JsonOptions> json) =>
            {
                var results = await reader.ComputeAsync(id, exclusions ?? true, task, http.RequestAborted);
                var metrics = await tables.ComputeAsync(id, results.Task, http.RequestAborted, exclusions ?? true);
                http.Response.Headers[ResultsApi.VersionHeader] = results.EventVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
                // The results as they always were, with the metrics table beside them (empty lists when the study has no metrics).
                var body = JsonSerializer.SerializeToNode(results, json.Value.SerializerOptions)!.AsObject();
                body["metrics"] = JsonSerializer.SerializeToNode(MetricTableView.From(metrics), json.Value.SerializerOptions);
                body["stopping"] = JsonSerializer.SerializeToNode(await StoppingAsync(store, id, http.RequestAborted), json.Value.SerializerOptions);
                return TypedResults.Ok(body);
            })
            .WithSummary("Win rates, Good/Same/Bad against the baseline, success rates, Bradley–Terry ranking, agreement and position bias (add ?exclusions=false for all participants, ?task= for one task)");

        studies.MapGet("/results.csv", async (Guid id, bool? exclusions, string? task, ResultsReader reader, MetricTables tables, IDocumentStore store, HttpContext http) =>
            {
                var results = await reader.ComputeAsync(id, exclusions ?? true, task, http.RequestAborted);
                var metrics = await tables.ComputeAsync(id, results.Task, http.RequestAborted, exclusions ?? true);
                var stopping = await StoppingAsync(store, id, http.RequestAborted);
                await WriteAsync(http, results.EventVersion, "text/csv", $"results-{id:N}.csv",
                    writer => ResultsCsv.WriteAsync(results, metrics, writer, http.RequestAborted, stopping.StoppedBy));
            })
            .WithSummary("The results as one long CSV table, one row per figure");

        studies.MapGet("/results.tex", async (Guid id, bool? exclusions, string? task, ResultsReader reader, MetricTables tables, IDocumentStore store, HttpContext http) =>
            {
                // The labels and the kind of table come from the settings the results were computed from.
                var (results, settings) = await reader.ComputeWithSettingsAsync(id, exclusions ?? true, task, http.RequestAborted);
                var metrics = await tables.ComputeAsync(id, results.Task, http.RequestAborted, exclusions ?? true);
                var stopping = await StoppingAsync(store, id, http.RequestAborted);
                await WriteAsync(http, results.EventVersion, "application/x-tex", $"results-{id:N}.tex",
                    writer => writer.WriteAsync(ResultsTex.Write(results, settings, metrics, stopping.StoppedBy)));
            })
            .WithSummary("LaTeX tables like the paper's (booktabs): percentages with 95 % intervals");

        studies.MapGet("/judgments.csv", async (Guid id, ResultsReader reader, HttpContext http) =>
            {
                var judgments = await reader.JudgmentsAsync(id, http.RequestAborted);
                await WriteAsync(http, judgments.EventVersion, "text/csv", $"judgments-{id:N}.csv",
                    writer => JudgmentsCsv.WriteAsync(judgments, writer, http.RequestAborted));
            })
            .WithSummary("Every judgment, one row each, with participant exclusion flags");
    }

    /// <summary>An adaptive study's goal and, once it closed itself, which rule stopped it and when.</summary>
    private static async Task<StoppingView> StoppingAsync(IDocumentStore store, Guid id, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var study = await session.LoadAsync<Study>(id, cancellationToken) ?? throw Studies.StudyCatalog.NotFound();
        return new StoppingView(study.Settings.Goal?.Describe(), study.StoppedBy);
    }

    private static async Task WriteAsync(HttpContext http, long version, string contentType, string fileName, Func<TextWriter, Task> write)
    {
        http.Response.ContentType = contentType + "; charset=utf-8";
        http.Response.Headers[ResultsApi.VersionHeader] = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false));
        await write(writer);
        await writer.FlushAsync(http.RequestAborted);
    }
}
