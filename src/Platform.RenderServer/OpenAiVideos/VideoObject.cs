using System.Text.Json.Serialization;
using Platform.RenderServer.Jobs;

namespace Platform.RenderServer.OpenAiVideos;

/// <summary>The OpenAI video object. Like OpenAI's, "size" and "seconds" are strings.</summary>
public sealed record VideoObject(
    string Id,
    [property: JsonPropertyName("object")] string ObjectType,
    string Status,
    int Progress,
    [property: JsonPropertyName("created_at")] long CreatedAt,
    [property: JsonPropertyName("completed_at"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? CompletedAt,
    string Model,
    string Size,
    string Seconds,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] VideoError? Error)
{
    public static VideoObject Of(RenderJob job) => Of(job, job.Snapshot());

    public static VideoObject Of(RenderJob job, JobSnapshot snapshot) => new(
        job.Id,
        "video",
        StatusName(snapshot.Status),
        snapshot.Progress,
        job.CreatedAt.ToUnixTimeSeconds(),
        snapshot.FinishedAt?.ToUnixTimeSeconds(),
        job.Settings.Model,
        job.Settings.Size,
        job.Settings.Seconds,
        snapshot.Error is { } error ? new VideoError(error.Code, error.Message) : null);

    public static string StatusName(JobStatus status) => status switch
    {
        JobStatus.Queued => "queued",
        JobStatus.InProgress => "in_progress",
        JobStatus.Completed => "completed",
        JobStatus.Failed => "failed",
        _ => "cancelled",
    };
}

public sealed record VideoError(string Code, string Message);
