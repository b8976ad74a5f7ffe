using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.Web.Accounts;

namespace Platform.Web.Studies;

public static class AddVideoApi
{
    public static void MapAddingVideos(this RouteGroupBuilder studies, IConfiguration configuration)
    {
        var limit = VideoLimits.From(configuration).MaxUploadBytes + 1024 * 1024;
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
    }
}
