using Platform.RenderServer.Jobs;

namespace Platform.RenderServer.Admin;

/// <summary>Test hooks; open even when an API key is set. Faults live in Faults/.</summary>
public static class AdminEndpoints
{
    public static void MapAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin");
        admin.MapPost("/restart", (JobRunner runner) =>
        {
            runner.ForgetAll();
            return Results.Ok(new { restarted = true });
        });
        admin.MapGet("/stats", (RenderStats stats) => stats.Snapshot());
        admin.MapPost("/stats/reset", (RenderStats stats) =>
        {
            stats.Reset();
            return stats.Snapshot();
        });
    }
}
