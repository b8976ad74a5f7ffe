using System.Text;

namespace Platform.Web.Results;

public static class ExportResultsApi
{
    public static void MapExportingResults(this RouteGroupBuilder studies)
    {
        studies.MapGet("/results", async (Guid id, bool? exclusions, string? task, ResultsReader reader, HttpContext http) =>
            {
                var results = await reader.ComputeAsync(id, exclusions ?? true, task, http.RequestAborted);
                http.Response.Headers[ResultsApi.VersionHeader] = results.EventVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Ok(results);
            })
            .WithSummary("Win rates, Good/Same/Bad against the baseline, success rates, Bradley–Terry ranking, agreement and position bias (add ?exclusions=false for all participants, ?task= for one task)");

        studies.MapGet("/results.csv", async (Guid id, bool? exclusions, string? task, ResultsReader reader, HttpContext http) =>
            {
                var results = await reader.ComputeAsync(id, exclusions ?? true, task, http.RequestAborted);
                await WriteAsync(http, results.EventVersion, "text/csv", $"results-{id:N}.csv",
                    writer => ResultsCsv.WriteAsync(results, writer, http.RequestAborted));
            })
            .WithSummary("The results as one long CSV table, one row per figure");

        studies.MapGet("/results.tex", async (Guid id, bool? exclusions, string? task, ResultsReader reader, HttpContext http) =>
            {
                // The labels and the kind of table come from the settings the results were computed from.
                var (results, settings) = await reader.ComputeWithSettingsAsync(id, exclusions ?? true, task, http.RequestAborted);
                await WriteAsync(http, results.EventVersion, "application/x-tex", $"results-{id:N}.tex",
                    writer => writer.WriteAsync(ResultsTex.Write(results, settings)));
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
