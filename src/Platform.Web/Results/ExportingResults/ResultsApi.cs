using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.Web.Accounts;

namespace Platform.Web.Results;

public sealed record ImportedSummary(Guid ImportId, int Judgments, string FileName);

public static class ResultsApi
{
    public const string VersionHeader = "X-Event-Version";

    public static void MapResults(this WebApplication app)
    {
        var studies = app.MapGroup("/api/studies/{id:guid}").RequireAuthorization(Policies.Researcher).WithTags("Results");

        studies.MapGet("/results", async (Guid id, bool? exclusions, string? task, ResultsReader reader, HttpContext http) =>
            {
                var results = await reader.ComputeAsync(id, exclusions ?? true, task, http.RequestAborted);
                http.Response.Headers[VersionHeader] = results.EventVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
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

        studies.MapPost("/judgments/import", async Task<Created<ImportedSummary>> (Guid id, HttpRequest request, JudgmentImports imports, HttpContext http) =>
            {
                var (fileName, content) = await FileAsync(request);
                await using (content)
                {
                    var import = await imports.ImportAsync(id, fileName, content, http.User.RequiredUserId(), http.RequestAborted);
                    return TypedResults.Created($"/api/studies/{id}/judgments.csv", new ImportedSummary(import.Id, import.Judgments.Count, import.FileName));
                }
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes))
            .WithFormOptions(multipartBodyLengthLimit: MaxImportBytes)
            .WithSummary("Import judgments collected elsewhere: CSV participant,prompt,task,left,right,choice (a text/csv body or a multipart 'file'); all or nothing");
    }

    public const long MaxImportBytes = 100L * 1024 * 1024;

    private static async Task<(string FileName, Stream Content)> FileAsync(HttpRequest request)
    {
        if (!request.HasFormContentType) return ("upload.csv", request.Body);
        var form = await Hosting.MultipartForms.ReadAsync(request, "Nothing was imported");
        var file = form.Files.GetFile("file") ?? throw new Common.DomainException("Send the CSV as a multipart field named 'file', or as a text/csv body.");
        return (file.FileName, file.OpenReadStream());
    }

    private static async Task WriteAsync(HttpContext http, long version, string contentType, string fileName, Func<TextWriter, Task> write)
    {
        http.Response.ContentType = contentType + "; charset=utf-8";
        http.Response.Headers[VersionHeader] = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false));
        await write(writer);
        await writer.FlushAsync(http.RequestAborted);
    }
}
