namespace Platform.RenderServer.Faults;

public static class FaultEndpoints
{
    public static void MapFaults(this IEndpointRouteBuilder app)
    {
        var faults = app.MapGroup("/admin/faults");
        faults.MapGet("", (FaultState state) => state.Current);
        faults.MapPut("", (FaultSettings settings, FaultState state) =>
        {
            if (settings.Invalid() is { } problem)
            {
                return Results.BadRequest(new { error = problem });
            }
            state.Set(settings);
            return Results.Ok(settings);
        });
        faults.MapDelete("", (FaultState state) =>
        {
            state.Set(new FaultSettings());
            return state.Current;
        });
    }
}
