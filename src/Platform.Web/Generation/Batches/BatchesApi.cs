using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Web.Accounts;
using Platform.Web.Studies;

namespace Platform.Web.Generation.Batches;

public sealed record StartedBatch(Guid BatchId, int Jobs, int AlreadyThere);

public static class BatchesApi
{
    public static void MapBatches(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(Policies.Researcher).WithTags("Generation");
        // A batch belongs to its study's owner and the researchers the study is shared with.
        var ofBatch = new StudyScope(
            async (http, ct) => Guid.TryParse(http.GetRouteValue("batchId") as string, out var batchId)
                ? await http.RequestServices.GetRequiredService<GenerationBatches>().StudyOfAsync(batchId, ct)
                : null,
            GenerationBatches.NoSuchBatch);

        api.MapPost("/studies/{id:guid}/generation/preview", async (Guid id, BatchRequest request, HttpContext http, GenerationBatches batches) =>
                TypedResults.Ok(await batches.PreviewAsync(id, request, http.User.RequiredUserId(), http.RequestAborted)))
            .WithSummary("The jobs a batch would run (one per prompt × condition × seed the study lacks) and an estimate");

        api.MapPost("/studies/{id:guid}/generation/batches", async Task<Accepted<StartedBatch>> (Guid id, BatchRequest request, HttpContext http, GenerationBatches batches) =>
            {
                var planned = await batches.StartAsync(id, request, http.User.RequiredUserId(), http.RequestAborted);
                return TypedResults.Accepted($"/api/generation/batches/{planned.BatchId}", new StartedBatch(planned.BatchId, planned.Jobs.Count, planned.AlreadyThere));
            })
            .WithSummary("Start generating the videos the study lacks on the mapped servers");

        api.MapGet("/studies/{id:guid}/generation/batches", async (Guid id, GenerationBatches batches, CancellationToken ct) =>
                TypedResults.Ok(await batches.ListAsync(id, ct)))
            .WithSummary("The study's batches with their progress");

        api.MapGet("/generation/batches/{batchId:guid}", async (Guid batchId, GenerationBatches batches, CancellationToken ct) =>
                TypedResults.Ok(await batches.ProgressAsync(batchId, ct)))
            .WithMetadata(ofBatch)
            .WithSummary("A batch's progress and its jobs");

        api.MapPost("/generation/batches/{batchId:guid}/cancel", async (Guid batchId, HttpContext http, GenerationBatches batches) =>
            {
                await batches.CancelAsync(batchId, http.User.RequiredUserId(), http.RequestAborted);
                return TypedResults.NoContent();
            })
            .WithMetadata(ofBatch)
            .WithSummary("Cancel a batch: waiting jobs stop, running ones are cancelled on their servers");
    }
}
