using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.Web.Accounts;

namespace Platform.Web.Results;

public sealed record ImportedSummary(Guid ImportId, int Judgments, string FileName);

public static class ImportJudgmentsApi
{
    public const long MaxImportBytes = 100L * 1024 * 1024;

    public static void MapImportingJudgments(this RouteGroupBuilder studies)
    {
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

    private static async Task<(string FileName, Stream Content)> FileAsync(HttpRequest request)
    {
        if (!request.HasFormContentType) return ("upload.csv", request.Body);
        var form = await Hosting.MultipartForms.ReadAsync(request, "Nothing was imported");
        var file = form.Files.GetFile("file") ?? throw new Common.DomainException("Send the CSV as a multipart field named 'file', or as a text/csv body.");
        return (file.FileName, file.OpenReadStream());
    }
}
