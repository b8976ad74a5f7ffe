using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.Studies;
using Platform.Web.Accounts;

namespace Platform.Web.Studies;

public sealed record StudySummary(Guid Id, string Title, StudyKind Kind, StudyStatus Status, DateTimeOffset CreatedAt);

public sealed record StudyDetails(Guid Id, StudySettings Settings, StudyStatus Status, StudyCounts Counts, string ParticipantLink, DateTimeOffset CreatedAt);

public sealed record CreatedId(Guid Id);

public sealed record VideoSummary(Guid Id, string Condition, string Prompt, string Task, int? Seed, VideoState Status, string? Reason, string? PosterUrl, double DurationSeconds);

public static class StudiesApi
{
    public static void MapStudies(this WebApplication app)
    {
        var studies = app.MapGroup("/api/studies").RequireAuthorization(Policies.Researcher).WithTags("Studies");

        studies.MapPost("/", async Task<Created<CreatedId>> (StudySettings settings, HttpContext http, StudyCatalog catalog) =>
            {
                var study = await catalog.CreateAsync(new DesignStudy(Guid.NewGuid(), settings, http.User.RequiredUserId()), http.RequestAborted);
                return TypedResults.Created($"/api/studies/{study.Id}", new CreatedId(study.Id));
            })
            .WithSummary("Design a study (it starts as a draft)")
            .ProducesValidationProblem();

        studies.MapGet("/", async (StudyCatalog catalog, HttpContext http) =>
                TypedResults.Ok((await catalog.ListAsync(http.User.Actor(), http.RequestAborted))
                    .Select(s => new StudySummary(s.Id, s.Settings.Title, s.Settings.Kind, s.Status, s.CreatedAt)).ToList()))
            .WithSummary("The studies you own or that are shared with you (an admin: all), newest first");

        studies.MapGet("/{id:guid}", async (Guid id, StudyCatalog catalog, HttpContext http) =>
            {
                var study = await catalog.GetAsync(id, http.RequestAborted);
                var counts = await catalog.CountAsync(study, http.RequestAborted);
                return TypedResults.Ok(new StudyDetails(study.Id, study.Settings, study.Status, counts, ParticipantLink(http.Request, study.Id), study.CreatedAt));
            })
            .WithSummary("A study's settings, status and counts of videos, trials and judgments")
            .ProducesProblem(StatusCodes.Status404NotFound);

        studies.MapPut("/{id:guid}", async (Guid id, StudySettings settings, HttpContext http, StudyCatalog catalog) =>
            {
                await catalog.ChangeAsync(new ChangeStudy(id, settings, http.User.RequiredUserId()), http.RequestAborted);
                return TypedResults.NoContent();
            })
            .WithSummary("Change a study's settings; changes that would invalidate collected judgments are refused (409)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        studies.MapPost("/{id:guid}/open", async (Guid id, HttpContext http, StudyCatalog catalog) =>
            {
                await catalog.OpenAsync(new OpenStudy(id, http.User.RequiredUserId()), http.RequestAborted);
                return TypedResults.NoContent();
            })
            .WithSummary("Open the study to participants")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        studies.MapPost("/{id:guid}/pause", async (Guid id, HttpContext http, StudyCatalog catalog) =>
            {
                await catalog.PauseAsync(new PauseStudy(id, http.User.RequiredUserId()), http.RequestAborted);
                return TypedResults.NoContent();
            })
            .WithSummary("Stop handing out new trials for a while")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        studies.MapPost("/{id:guid}/close", async (Guid id, HttpContext http, StudyCatalog catalog) =>
            {
                await catalog.CloseAsync(new CloseStudy(id, http.User.RequiredUserId()), http.RequestAborted);
                return TypedResults.NoContent();
            })
            .WithSummary("Close the study for good")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var limit = VideoLimits.From(app.Configuration).MaxUploadBytes + 1024 * 1024;
        studies.MapPost("/{id:guid}/videos", async Task<Accepted<VideoSummary>> (
                Guid id, IFormFile file, [FromForm] string condition, [FromForm] string prompt, [FromForm] string? task, [FromForm] int? seed,
                HttpContext http, VideoUploads uploads) =>
            {
                await using var content = file.OpenReadStream();
                var video = await uploads.AddAsync(new VideoUpload(id, condition, prompt, task, seed, file.FileName, file.Length, http.User.RequiredUserId()), content, http.RequestAborted);
                return TypedResults.Accepted($"/api/studies/{id}/videos", VideoSummaries.From(video));
            })
            .DisableAntiforgery()
            .AddEndpointFilter(Hosting.MultipartForms.CheckForm)
            .WithMetadata(new RequestSizeLimitAttribute(limit))
            .WithFormOptions(multipartBodyLengthLimit: limit)
            .WithSummary("Upload a candidate video (multipart: file, condition, prompt, task, seed); it is checked now and processed in the background")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        studies.MapGet("/{id:guid}/videos", async (Guid id, StudyCatalog catalog, VideoSummaries summaries, CancellationToken ct) =>
            {
                await catalog.GetAsync(id, ct);
                return TypedResults.Ok(await summaries.ListAsync(id, ct));
            })
            .WithSummary("The study's candidate videos and their processing state");

        studies.MapSharing();
        studies.MapBulkUploads(app.Configuration);
    }

    public static string ParticipantLink(HttpRequest request, Guid studyId) =>
        StudyText.ParticipantLink($"{request.Scheme}://{request.Host}{request.PathBase}/", studyId);
}
