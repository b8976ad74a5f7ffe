using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.Web.Accounts;

namespace Platform.Web.Results;

public sealed record ImportedSummary(Guid ImportId, int Judgments, string FileName);

public static class ImportJudgmentsApi
{
    public static void MapImportingJudgments(this RouteGroupBuilder studies)
    {
        studies.MapPost("/judgments/import", async Task<Created<ImportedSummary>> (Guid id, HttpRequest request, JudgmentImports imports, HttpContext http) =>
            {
                var (fileName, content) = await ImportFiles.ReadAsync(request);
                await using (content)
                {
                    var import = await imports.ImportAsync(id, fileName, content, http.User.RequiredUserId(), http.RequestAborted);
                    return TypedResults.Created($"/api/studies/{id}/judgments.csv", new ImportedSummary(import.Id, import.Judgments.Count, import.FileName));
                }
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ImportFiles.MaxBytes))
            .WithFormOptions(multipartBodyLengthLimit: ImportFiles.MaxBytes)
            .WithSummary("Import judgments collected elsewhere: CSV participant,prompt,task,left,right,choice (a text/csv body or a multipart 'file'); all or nothing");
    }
}
