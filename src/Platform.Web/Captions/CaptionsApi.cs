using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.Captions;
using Platform.Common;
using Platform.Web.Accounts;

namespace Platform.Web.Captions;

public sealed record CaptionEdit(string Text, ElementTags? Tags, long ExpectedVersion);

public sealed record CaptionStep(long? ExpectedVersion = null);

public sealed record RejectionRequest(string Comment, long? ExpectedVersion = null);

public sealed record RestoreRequest(Guid RevisionId, long? ExpectedVersion = null);

public sealed record FolderImportRequest(string Folder);

public static class CaptionsApi
{
    public static void MapCaptions(this WebApplication app)
    {
        var videos = app.MapGroup("/api/synthetic-videos").WithTags("Captions");

        videos.MapPost("", async Task<Results<Created<CaptionView>, Ok<CaptionView>>> (HttpRequest request, SyntheticImports imports, CaptionDesk desk, HttpContext http) =>
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
            })
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

        videos.MapGet("", async ([AsParameters] CatalogQuery query, CatalogSearch search, CancellationToken ct) =>
                TypedResults.Ok(await search.FindAsync(query.ToFilter(), ct)))
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Search the catalog: status, tag, movementType, focusType, focusPosition, min/maxMovementValue, min/maxFocalLength, sceneType, engine, quality, parameter (any render parameter: path=value, e.g. environment.sceneColor=#808080), annotator, q (words)");

        var caption = videos.MapGroup("/{id:guid}/caption");
        caption.MapGet("", async (Guid id, CaptionDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.ViewAsync(id, ct)))
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("The caption, its composed draft, warnings, revisions and history; its version goes back with the next save");

        caption.MapPut("", async Task<Results<Ok<CaptionView>, ProblemHttpResult>> (Guid id, CaptionEdit edit, CaptionDesk desk, HttpContext http) =>
            {
                try
                {
                    return TypedResults.Ok(await desk.ReviseAsync(id, edit.Text, edit.Tags, edit.ExpectedVersion, http.User.RequiredUserId(), http.RequestAborted));
                }
                catch (CaptionConflictException conflict)
                {
                    return TypedResults.Problem(conflict.Message, statusCode: StatusCodes.Status409Conflict, title: "The caption changed meanwhile.",
                        extensions: new Dictionary<string, object?> { ["yours"] = conflict.Yours, ["yourTags"] = conflict.YourTags, ["current"] = conflict.Current });
                }
            })
            .RequireAuthorization(Policies.Annotator)
            .WithSummary("Save a revision {text, tags, expectedVersion} (without tags the current ones stay); 409 with both texts when someone else saved first");

        // Each step may carry the expectedVersion it was decided on; a change since then is a 409.
        caption.MapPost("/submit", async (Guid id, CaptionStep? step, CaptionDesk desk, HttpContext http) =>
                TypedResults.Ok(await desk.SubmitAsync(id, http.User.RequiredUserId(), step?.ExpectedVersion, http.RequestAborted)))
            .RequireAuthorization(Policies.Annotator).WithSummary("Submit the latest revision for review {expectedVersion?}");
        caption.MapPost("/restore", async (Guid id, RestoreRequest restore, CaptionDesk desk, HttpContext http) =>
                TypedResults.Ok(await desk.RestoreAsync(id, restore.RevisionId, http.User.RequiredUserId(), restore.ExpectedVersion, http.RequestAborted)))
            .RequireAuthorization(Policies.Annotator).WithSummary("Make an older revision the new draft {revisionId, expectedVersion?}");
        caption.MapPost("/accept", async (Guid id, CaptionStep? step, CaptionDesk desk, HttpContext http) =>
                TypedResults.Ok(await desk.AcceptAsync(id, http.User.RequiredUserId(), step?.ExpectedVersion, http.RequestAborted)))
            .RequireAuthorization(Policies.Reviewer).WithSummary("Accept the submitted revision as the caption of record (not your own) {expectedVersion?}");
        caption.MapPost("/reject", async (Guid id, RejectionRequest rejection, CaptionDesk desk, HttpContext http) =>
                TypedResults.Ok(await desk.RejectAsync(id, rejection.Comment, http.User.RequiredUserId(), rejection.ExpectedVersion, http.RequestAborted)))
            .RequireAuthorization(Policies.Reviewer).WithSummary("Send the submitted revision back to its author with a comment (not your own) {comment, expectedVersion?}");

        app.MapGet("/api/captions/templates", async (CaptionSettingsStore settings, CancellationToken ct) => TypedResults.Ok(await settings.TemplatesAsync(ct)))
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Captions")
            .WithSummary("The templates and special tags new drafts are composed with");

        app.MapPut("/api/captions/templates", async (CaptionTemplates templates, Marten.IDocumentStore store, CancellationToken ct) =>
            {
                await CaptionTemplateEditing.SaveAsync(store, templates, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Researcher)
            .WithTags("Captions")
            .WithSummary("Change the templates and special tags (422 listing every problem: empty templates, unknown placeholders); used for videos imported from now on");

        app.MapGet("/api/captions/annotators", async (AnnotatorReport report, CancellationToken ct) => TypedResults.Ok(await report.ComputeAsync(ct)))
            .RequireAuthorization(Policies.Researcher)
            .WithTags("Captions")
            .WithSummary("Per annotator: submitted, accepted, rejected, waiting, acceptance rate with its 95 % Wilson interval, submissions in the last 7 days");

        app.MapGet("/api/captions/export", async (string? status, string? format, CaptionExport export, IConfiguration configuration, HttpContext http) =>
            {
                var kind = (format ?? "jsonl").ToLowerInvariant();
                if (kind is not ("jsonl" or "csv")) throw new DomainException("Use format=jsonl or format=csv.");
                // Captions:PublicBaseUrl names the platform as training machines reach it (behind a proxy, say).
                var site = configuration["Captions:PublicBaseUrl"] is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
                var records = await export.RecordsAsync(status ?? "accepted", site + "/media/", http.RequestAborted);
                http.Response.ContentType = (kind == "csv" ? "text/csv" : "application/x-ndjson") + "; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"captions.{kind}\"";
                await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false));
                if (kind == "csv") await CaptionExport.WriteCsvAsync(records, writer, http.RequestAborted);
                else await CaptionExport.WriteJsonLinesAsync(records, writer);
                await writer.FlushAsync(http.RequestAborted);
            })
            .RequireAuthorization(Policies.Researcher)
            .WithTags("Captions")
            .WithSummary("Captions for training, one record per video: video, sha256, caption, genericCaption, tags, specialTags, renderParameters, revisionId");
    }

    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request)
    {
        if (!request.HasFormContentType) throw new DomainException("Send a multipart form with 'file' and 'sidecar'.", DomainError.Unprocessable);
        return await Hosting.MultipartForms.ReadAsync(request, "Nothing was imported");
    }

    private const int MaxSidecarChars = 1024 * 1024;

    private static async Task<string> ReadTextAsync(IFormFile part)
    {
        if (part.Length > MaxSidecarChars) throw new DomainException("A sidecar has at most 1 MiB.", DomainError.Unprocessable);
        using var reader = new StreamReader(part.OpenReadStream());
        return await reader.ReadToEndAsync();
    }
}

/// <summary>The catalog's query string; enum values are matched ignoring case and dashes ("in-progress", "InProgress").</summary>
public sealed record CatalogQuery(
    string? Status, string? Tag, string? MovementType, string? SceneType, string? Engine, string? Quality, Guid? Annotator, string? Q, int? Limit,
    string? FocusType, string? FocusPosition, double? MinMovementValue, double? MaxMovementValue, double? MinFocalLength, double? MaxFocalLength,
    string? Parameter)
{
    public CatalogFilter ToFilter() => new(
        Parse<CaptionStatus>(Status, "status"), Tag, Parse<MovementType>(MovementType, "movementType"), Parse<SceneType>(SceneType, "sceneType"),
        Parse<RenderEngine>(Engine, "engine"), Parse<RenderQuality>(Quality, "quality"), Annotator, Q, Checked(Limit),
        Parse<FocusType>(FocusType, "focusType"), Parse<FocusPosition>(FocusPosition, "focusPosition"),
        NumberRange.Of(MinMovementValue, MaxMovementValue), NumberRange.Of(MinFocalLength, MaxFocalLength), ParameterMatch.Parse(Parameter));

    private static int Checked(int? limit) => limit switch
    {
        null => 100,
        < 1 or > CatalogSearch.MaxLimit => throw new DomainException($"limit is a number from 1 to {CatalogSearch.MaxLimit}."),
        _ => limit.Value,
    };

    private static T? Parse<T>(string? value, string name) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return Enum.TryParse<T>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new DomainException($"'{value}' is not a {name}; use one of: {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}.");
    }
}
