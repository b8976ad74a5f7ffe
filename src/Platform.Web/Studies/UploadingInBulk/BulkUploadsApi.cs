using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.Common;
using Platform.Studies;
using Platform.Web.Accounts;
using Platform.Web.Hosting;

namespace Platform.Web.Studies;

/// <summary>A preview of a bulk upload: the files' paths (no bytes) and the manifest, or the pattern and the prompts list, as text.</summary>
public sealed record BulkPreviewRequest(
    [property: MaxLength(BulkMapping.MaxFiles)] IReadOnlyList<string>? Files,
    [property: MaxLength(ImportVideoFolder.MaxListBytes)] string? Manifest,
    string? Pattern,
    [property: MaxLength(ImportVideoFolder.MaxListBytes)] string? Prompts);

public sealed record BulkPreview(bool Ready, IReadOnlyList<BulkRow> Rows, IReadOnlyList<BulkProblem> Problems, string BadLines, IReadOnlyList<string> Ignored)
{
    public static BulkPreview Of(BulkPlan plan) => new(plan.IsReady, plan.Rows, plan.Problems, Platform.Results.LineRanges.Of(plan.BadLines), plan.Ignored);
}

public sealed record BulkUploaded(int Stored, int AlreadyThere, IReadOnlyList<BulkFileResult> Files);

public static class BulkUploadsApi
{
    public static void MapBulkUploads(this RouteGroupBuilder studies, IConfiguration configuration)
    {
        studies.MapPost("/{id:guid}/videos/bulk/preview", async (Guid id, BulkPreviewRequest request, BulkUploads bulk, CancellationToken ct) =>
                TypedResults.Ok(BulkPreview.Of(await bulk.PreviewAsync(id, new BulkRequest(request.Files ?? [], request.Manifest, request.Pattern, request.Prompts), ct))))
            .WithMetadata(new RequestSizeLimitAttribute(3L * ImportVideoFolder.MaxListBytes))
            .WithSummary("Preview a bulk upload without storing anything: each file's condition, prompt, task and seed, and every problem");

        studies.MapBulkUpload(configuration);

        studies.MapPost("/{id:guid}/videos/imports", async (Guid id, VideoFolderImportRequest request, ImportVideoFolder folders, HttpContext http) =>
            {
                var import = await folders.StartAsync(id, request, http.User.RequiredUserId(), http.RequestAborted);
                return TypedResults.Accepted($"/api/studies/{id}/videos/imports", import);
            })
            .WithSummary("Import a server folder (under Videos:ImportRoot) into the study in the background, mapped by a manifest or a pattern in it")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        studies.MapGet("/{id:guid}/videos/imports", async (Guid id, Marten.IDocumentStore store, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                return TypedResults.Ok(await session.Query<VideoFolderImport>().Where(i => i.StudyId == id).OrderByDescending(i => i.RequestedAt).Take(100).ToListAsync(ct));
            })
            .WithSummary("The study's server-folder imports, newest first: progress, failures and problems");
    }

    private static void MapBulkUpload(this RouteGroupBuilder studies, IConfiguration configuration)
    {
        var limit = configuration.GetValue("Videos:MaxBulkUploadBytes", 4L * 1024 * 1024 * 1024);
        var files = configuration.GetValue("Videos:MaxBulkFiles", 500);
        studies.MapPost("/{id:guid}/videos/bulk", async Task<Accepted<BulkUploaded>> (Guid id, IFormCollection form, HttpContext http, BulkUploads bulk) =>
            {
                var videos = form.Files.GetFiles("files");
                if (videos.Count > bulk.MaxFilesPerRequest)
                    throw new DomainException($"Nothing was stored: {videos.Count} files are more than the {bulk.MaxFilesPerRequest} one request takes; send them in several requests (what is stored is skipped) or import a server folder.", DomainError.Unprocessable);
                var request = new BulkRequest([.. videos.Select(f => f.FileName)], await TextAsync(form, "manifest", http.RequestAborted),
                    form["pattern"].FirstOrDefault() is { Length: > 0 } pattern ? pattern : null, await TextAsync(form, "prompts", http.RequestAborted));
                var byPath = videos.GroupBy(f => BulkMapping.Normalise(f.FileName), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
                var results = await bulk.AddAllAsync(id, request, path => byPath[path].OpenReadStream(), http.User.RequiredUserId(), http.RequestAborted);
                return TypedResults.Accepted($"/api/studies/{id}/videos",
                    new BulkUploaded(results.Count(r => r.Outcome == BulkOutcome.Stored), results.Count(r => r.Outcome == BulkOutcome.AlreadyThere), results));
            })
            .DisableAntiforgery()
            .AddEndpointFilter(MultipartForms.CheckForm)
            .WithMetadata(new RequestSizeLimitAttribute(limit))
            .WithFormOptions(multipartBodyLengthLimit: limit, valueCountLimit: files + 16)
            .WithSummary("Upload many candidate videos at once (multipart: files named by their paths, and a manifest file, or a pattern and a prompts file); nothing is stored while a problem remains (422 naming each), and what is stored already is skipped")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>A manifest or prompts list sent as a file part, or (when short) as a field.</summary>
    private static async Task<string?> TextAsync(IFormCollection form, string name, CancellationToken cancellationToken)
    {
        if (form.Files.GetFile(name) is { } file)
        {
            if (file.Length > ImportVideoFolder.MaxListBytes)
                throw new DomainException($"Nothing was stored: the {name} is larger than {ImportVideoFolder.MaxListBytes / 1048576} MiB.", DomainError.Unprocessable);
            using var reader = new StreamReader(file.OpenReadStream());
            return await reader.ReadToEndAsync(cancellationToken);
        }
        return form[name].FirstOrDefault() is { Length: > 0 } text ? text : null;
    }
}
