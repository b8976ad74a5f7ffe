using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.Common;
using Platform.Web.Accounts;

namespace Platform.Web.Captions;

public sealed record FolderImportRequest(string Folder);

public static class ImportsApi
{
    private const int MaxSidecarChars = 1024 * 1024;

    public static void MapImports(this RouteGroupBuilder videos)
    {
        videos.MapPost("", ImportAsync)
            .RequireAuthorization(Policies.Researcher)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(512L * 1024 * 1024))
            .WithFormOptions(multipartBodyLengthLimit: 512L * 1024 * 1024)
            .WithSummary("Import a synthetic video with its sidecar (multipart: file, sidecar); a sidecar that does not match the schema is refused naming the field");

        videos.MapPost("/imports", async (FolderImportRequest request, ImportFolder folders, HttpContext http) =>
            {
                var import = await folders.StartAsync(request.Folder, http.User.RequiredUserId(), http.RequestAborted);
                return TypedResults.Accepted($"/api/synthetic-videos/imports/{import.Id}", import);
            })
            .RequireAuthorization(Policies.Researcher)
            .WithSummary("Import a server-side folder (relative to Captions:ImportRoot): each video beside a .json sidecar, as one background job");

        videos.MapGet("/imports/{importId:guid}", async (Guid importId, Marten.IDocumentStore store, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                return TypedResults.Ok(await session.LoadAsync<FolderImport>(importId, ct) ?? throw new DomainException("There is no such import.", DomainError.NotFound));
            })
            .RequireAuthorization(Policies.Researcher)
            .WithSummary("A folder import's progress: total, done, imported, already there, failures with reasons");
    }

    private static async Task<Results<Created<CaptionView>, Ok<CaptionView>>> ImportAsync(HttpRequest request, SyntheticImports imports, CaptionDesk desk, HttpContext http)
    {
        var form = await ReadFormAsync(request);
        var file = form.Files.GetFile("file") ?? throw new DomainException("Send the video as a multipart field named 'file'.");
        var sidecar = form.Files.GetFile("sidecar") is { } part ? await ReadTextAsync(part) : form["sidecar"].ToString();
        if (sidecar.Length > MaxSidecarChars) throw new DomainException("A sidecar has at most 1 MiB.", DomainError.Unprocessable);
        if (string.IsNullOrWhiteSpace(sidecar)) throw new DomainException("Send the sidecar (JSON) as a multipart field named 'sidecar'.");
        await using var content = file.OpenReadStream();
        var imported = await imports.ImportAsync(content, file.FileName, sidecar, http.User.RequiredUserId(), http.RequestAborted);
        if (imported is null)
            throw new DomainException("This video (the same content) is already in the catalog.", DomainError.Conflict);
        return TypedResults.Created($"/api/synthetic-videos/{imported.Id}/caption", await desk.ViewAsync(imported.Id, http.RequestAborted));
    }

    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request)
    {
        if (!request.HasFormContentType) throw new DomainException("Send a multipart form with 'file' and 'sidecar'.", DomainError.Unprocessable);
        return await Hosting.MultipartForms.ReadAsync(request, "Nothing was imported");
    }

    private static async Task<string> ReadTextAsync(IFormFile part)
    {
        if (part.Length > MaxSidecarChars) throw new DomainException("A sidecar has at most 1 MiB.", DomainError.Unprocessable);
        using var reader = new StreamReader(part.OpenReadStream());
        return await reader.ReadToEndAsync();
    }
}
