using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.RenderServer.Faults;
using Platform.RenderServer.Hosting;
using Platform.RenderServer.Jobs;
using Platform.RenderServer.Rendering;

namespace Platform.RenderServer.ComfyUi;

/// <summary>The part of ComfyUI's HTTP API that video clients use.</summary>
public static class ComfyUiEndpoints
{
    public static void MapComfyUi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/prompt", QueuePromptAsync);
        app.MapGet("/prompt", (JobStore store) => new
        {
            exec_info = new { queue_remaining = store.All().Count(job => !job.Snapshot().IsFinished) },
        });
        app.MapGet("/history/{promptId}", History);
        app.MapGet("/view", View);
        app.MapGet("/queue", Queue);
        app.MapPost("/queue", EditQueueAsync);
        app.MapPost("/interrupt", InterruptAsync);
        app.MapGet("/system_stats", () => new
        {
            system = new
            {
                os = OperatingSystem.IsWindows() ? "nt" : "posix",
                comfyui_version = "reference",
                python_version = "",
                embedded_python = false,
                ram_total = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
                ram_free = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
            },
            devices = Array.Empty<object>(),
        });
    }

    private static async Task<IResult> QueuePromptAsync(HttpRequest request, JobRunner runner, FaultState faults, RenderStats stats)
    {
        if (faults.TakeRejection() is { } rejection)
        {
            stats.Rejected();
            return Rejection.For(rejection);
        }
        var body = await ReadObjectAsync(request);
        if (body?["prompt"] is not JsonObject graph)
        {
            return ComfyError.BadRequest("invalid_prompt", "Invalid prompt", "The body needs a \"prompt\" object holding the graph in API format.");
        }

        Workflow? workflow;
        RenderSettings settings;
        try
        {
            workflow = WorkflowReader.Read(graph);
            if (workflow is null)
            {
                return ComfyError.BadRequest("prompt_no_outputs", "Prompt has no outputs", "No text-encode node with prompt text was found.");
            }
            settings = RenderSettings.From(workflow.Request);
        }
        catch (InvalidRenderRequestException exception)
        {
            return ComfyError.BadRequest("invalid_prompt", "Invalid prompt", exception.Message);
        }

        var promptId = JsonValues.Text(body["prompt_id"]) is { Length: > 0 } chosen ? chosen : Guid.NewGuid().ToString();
        var draft = new JobDraft(promptId, $"{workflow.FilenamePrefix}_{Guid.NewGuid():N}.mp4", settings)
        {
            Workflow = new ComfyWorkflow(graph, workflow.OutputNodeId, workflow.OutputNodeType, JsonValues.Text(body["client_id"])),
        };
        var (job, _) = runner.Submit(draft);
        return Results.Ok(new { prompt_id = job.Id, number = job.Number, node_errors = new { } });
    }

    private static IResult History(string promptId, JobStore store)
    {
        var history = new JsonObject();
        if (store.Find(promptId) is { } job && job.Snapshot() is { IsFinished: true } snapshot)
        {
            history[job.Id] = ComfyJson.History(job, snapshot);
        }
        return Results.Content(history.ToJsonString(), "application/json");
    }

    private static IResult View(string? filename, string? subfolder, string? type, JobRunner runner, FaultState faults)
    {
        var plainName = !string.IsNullOrEmpty(filename)
            && filename == Path.GetFileName(filename)
            && !filename.StartsWith('.')
            && filename.IndexOfAny(Path.GetInvalidFileNameChars()) < 0;
        if (!plainName || !string.IsNullOrEmpty(subfolder) || type is not (null or "" or "output"))
        {
            return Results.NotFound();
        }
        return VideoFile.Send(Path.Combine(runner.DataDirectory, filename!), faults.TruncateContent);
    }

    private static IResult Queue(JobStore store)
    {
        var jobs = store.All().Select(job => (job, status: job.Snapshot().Status)).ToList();
        var queueJson = new JsonObject
        {
            ["queue_running"] = new JsonArray([.. jobs.Where(j => j.status == JobStatus.InProgress).Select(j => ComfyJson.QueueItem(j.job))]),
            ["queue_pending"] = new JsonArray([.. jobs.Where(j => j.status == JobStatus.Queued).Select(j => ComfyJson.QueueItem(j.job))]),
        };
        return Results.Content(queueJson.ToJsonString(), "application/json");
    }

    /// <summary>{ "delete": [ids] } cancels those jobs, queued or running; { "clear": true } cancels everything still queued.</summary>
    private static async Task<IResult> EditQueueAsync(HttpRequest request, JobStore store, JobRunner runner)
    {
        var body = await ReadObjectAsync(request);
        if (body?["delete"] is JsonArray ids)
        {
            foreach (var id in ids.Select(JsonValues.Text).OfType<string>())
            {
                if (store.Find(id) is { } job)
                {
                    runner.Cancel(job);
                }
            }
        }
        if (body?["clear"]?.GetValueKind() == JsonValueKind.True)
        {
            foreach (var job in store.All().Where(job => job.Snapshot().Status == JobStatus.Queued))
            {
                runner.Cancel(job);
            }
        }
        return Results.Ok(new { });
    }

    /// <summary>Cancels what is rendering now, or only the given prompt_id if it is the one rendering.</summary>
    private static async Task<IResult> InterruptAsync(HttpRequest request, JobStore store, JobRunner runner)
    {
        var only = JsonValues.Text((await ReadObjectAsync(request))?["prompt_id"]);
        foreach (var job in store.All().Where(job => job.Snapshot().Status == JobStatus.InProgress && (only is null || job.Id == only)))
        {
            runner.Cancel(job);
        }
        return Results.Ok(new { });
    }

    private static async Task<JsonObject?> ReadObjectAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
