using Platform.Web.Accounts;

namespace Platform.Web.Results;

/// <param name="On">Required: true to measure, false to stop; a body without it changes nothing.</param>
public sealed record ConsistencySwitchRequest(bool? On);

public static class MeasureConsistencyApi
{
    public static void MapMeasuringConsistency(this RouteGroupBuilder studies)
    {
        studies.MapPut("/consistency", async (Guid id, ConsistencySwitchRequest request, ConsistencySwitches switches, HttpContext http) =>
                TypedResults.Ok(await switches.SwitchAsync(id,
                    request.On ?? throw new Common.DomainException("The body needs \"on\": true to measure every video, or false to stop."),
                    http.User.RequiredUserId(), http.RequestAborted)))
            .WithSummary("Switch COLMAP 3D-consistency measurements on (every ready video and every later one is measured) or off");

        studies.MapGet("/consistency", async (Guid id, ConsistencySwitches switches, CancellationToken cancellationToken) =>
                TypedResults.Ok(await switches.ReadAsync(id, cancellationToken)))
            .WithSummary("Each ready video's COLMAP measurement: frames registered, N, T, reprojection errors, the registered camera path, version and parameters");
    }
}
