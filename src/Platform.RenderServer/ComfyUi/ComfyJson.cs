using System.Text.Json.Nodes;
using Platform.RenderServer.Jobs;

namespace Platform.RenderServer.ComfyUi;

/// <summary>The shapes ComfyUI answers /history and /queue with.</summary>
public static class ComfyJson
{
    /// <summary>A queue item: [number, prompt_id, graph, extra_data, output node ids].</summary>
    public static JsonArray QueueItem(RenderJob job)
    {
        var workflow = job.Workflow;
        var extra = new JsonObject();
        if (workflow?.ClientId is { } clientId)
        {
            extra["client_id"] = clientId;
        }
        return
        [
            job.Number,
            job.Id,
            workflow?.Graph.DeepClone() ?? new JsonObject(),
            extra,
            new JsonArray(workflow?.OutputNodeId ?? "9"),
        ];
    }

    /// <summary>The history entry of a finished job: its outputs on success, an execution message otherwise.</summary>
    public static JsonObject History(RenderJob job, JobSnapshot snapshot)
    {
        var node = job.Workflow?.OutputNodeId ?? "9";
        var outputs = new JsonObject();
        if (snapshot.Status == JobStatus.Completed)
        {
            outputs[node] = new JsonObject
            {
                ["gifs"] = new JsonArray(new JsonObject
                {
                    ["filename"] = job.FileName,
                    ["subfolder"] = "",
                    ["type"] = "output",
                    ["format"] = "video/h264-mp4",
                    ["frame_rate"] = job.Settings.Fps,
                }),
            };
        }
        return new JsonObject
        {
            ["prompt"] = QueueItem(job),
            ["outputs"] = outputs,
            ["status"] = Status(job, snapshot, node),
            ["meta"] = new JsonObject(),
        };
    }

    private static JsonObject Status(RenderJob job, JobSnapshot snapshot, string node)
    {
        var success = snapshot.Status == JobStatus.Completed;
        var messages = new JsonArray();
        if (!success)
        {
            var details = new JsonObject
            {
                ["prompt_id"] = job.Id,
                ["node_id"] = node,
                ["node_type"] = job.Workflow?.OutputNodeType ?? "VHS_VideoCombine",
                ["executed"] = new JsonArray(),
            };
            if (snapshot.Error is { } error)
            {
                details["exception_message"] = error.Message;
                details["exception_type"] = error.Code;
                details["traceback"] = new JsonArray();
            }
            messages.Add(new JsonArray(snapshot.Status == JobStatus.Cancelled ? "execution_interrupted" : "execution_error", details));
        }
        return new JsonObject
        {
            ["status_str"] = success ? "success" : "error",
            ["completed"] = success,
            ["messages"] = messages,
        };
    }
}
