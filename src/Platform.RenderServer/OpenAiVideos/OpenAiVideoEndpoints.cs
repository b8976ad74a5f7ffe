using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Platform.RenderServer.Faults;
using Platform.RenderServer.Hosting;
using Platform.RenderServer.Jobs;
using Platform.RenderServer.Rendering;

namespace Platform.RenderServer.OpenAiVideos;

public static class OpenAiVideoEndpoints
{
    public static void MapOpenAiVideos(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1");
        v1.MapPost("/videos", CreateAsync).DisableAntiforgery();
        v1.MapGet("/videos/{id}", Get);
        v1.MapGet("/videos/{id}/content", Content);
        v1.MapDelete("/videos/{id}", Delete);
        v1.MapGet("/models", Models);
    }

    private static async Task<IResult> CreateAsync(
        HttpRequest request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        JobRunner runner,
        FaultState faults,
        RenderStats stats)
    {
        if (faults.TakeRejection() is { } rejection)
        {
            stats.Rejected();
            return Rejection.For(rejection);
        }
        RenderSettings settings;
        try
        {
            settings = RenderSettings.From(await VideoRequestReader.ReadAsync(request));
        }
        catch (InvalidRenderRequestException exception)
        {
            return OpenAiError.BadRequest(exception.Message);
        }

        var id = $"video_{Guid.NewGuid():N}";
        var draft = new JobDraft(id, $"{id}.mp4", settings) { IdempotencyKey = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey };
        var (job, created) = runner.Submit(draft);
        return created
            ? Results.Created($"/v1/videos/{job.Id}", VideoObject.Of(job))
            : Results.Ok(VideoObject.Of(job));
    }

    private static IResult Get(string id, JobStore store) =>
        store.Find(id) is { } job ? Results.Ok(VideoObject.Of(job)) : OpenAiError.NotFound(id);

    private static IResult Content(string id, JobStore store, JobRunner runner, FaultState faults)
    {
        if (store.Find(id) is not { } job)
        {
            return OpenAiError.NotFound(id);
        }
        return job.Snapshot().Status == JobStatus.Completed
            ? VideoFile.Send(runner.PathOf(job), faults.TruncateContent)
            : Results.Json(
                new { error = new { message = $"Video '{id}' is not completed yet.", type = "not_found" } },
                statusCode: StatusCodes.Status404NotFound);
    }

    /// <summary>Cancels a job that has not finished (it stays visible as "cancelled"); removes a finished one and its file.</summary>
    private static IResult Delete(string id, JobStore store, JobRunner runner)
    {
        if (store.Find(id) is not { } job)
        {
            return OpenAiError.NotFound(id);
        }
        if (!runner.Cancel(job))
        {
            store.Remove(id);
            File.Delete(runner.PathOf(job));
        }
        return Results.Ok(new { id, @object = "video.deleted", deleted = true });
    }

    private static IResult Models(IOptions<RenderOptions> options)
    {
        var models = new[] { RenderSettings.DefaultModel }.Concat(Rendering.Scenes.SceneModels.All).Concat(options.Value.Models).Distinct(StringComparer.Ordinal);
        return Results.Ok(new
        {
            @object = "list",
            data = models.Select(model => new { id = model, @object = "model", created = 0, owned_by = "reference-render-server" }),
        });
    }
}
