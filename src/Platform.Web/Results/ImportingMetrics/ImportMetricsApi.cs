using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.Results;
using Platform.Web.Accounts;
using Platform.Web.Studies;

namespace Platform.Web.Results;

public sealed record ImportedMetricsSummary(Guid ImportId, int Values, IReadOnlyList<MetricDeclared> Metrics, string FileName);

public static class ImportMetricsApi
{
    public static void MapImportingMetrics(this RouteGroupBuilder studies)
    {
        studies.MapPost("/metrics/import", async Task<Created<ImportedMetricsSummary>> (Guid id, HttpRequest request, MetricImports imports, HttpContext http) =>
            {
                var (fileName, content) = await ImportFiles.ReadAsync(request);
                await using (content)
                {
                    var import = await imports.ImportAsync(id, fileName, content, http.User.RequiredUserId(), http.RequestAborted);
                    return TypedResults.Created($"/api/studies/{id}/metrics", new ImportedMetricsSummary(import.Id, import.Values.Count, import.Metrics, import.FileName));
                }
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ImportFiles.MaxBytes))
            .WithFormOptions(multipartBodyLengthLimit: ImportFiles.MaxBytes)
            .WithSummary($"Import per-video metrics computed elsewhere: CSV {ImportingMetrics.Header} (a text/csv body or a multipart 'file'); all or nothing");

        studies.MapGet("/metrics", async (Guid id, IDocumentStore store, CancellationToken cancellationToken) =>
            {
                await using var session = store.QuerySession();
                _ = await session.LoadAsync<Platform.Studies.Study>(id, cancellationToken) ?? throw StudyCatalog.NotFound();
                return TypedResults.Ok(await StudyMetrics.ReadAsync(session, id, cancellationToken));
            })
            .WithSummary("The study's per-video metrics: each metric with its direction, each video's latest value");
    }
}
