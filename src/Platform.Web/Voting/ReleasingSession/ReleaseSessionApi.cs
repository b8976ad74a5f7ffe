using Platform.Web.Accounts;

namespace Platform.Web.Voting;

public sealed record ReleaseSession(string ParticipantId);

public static class ReleaseSessionApi
{
    public static void MapReleaseSession(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/studies/{id:guid}/sessions/release", async (Guid id, ReleaseSession body, HttpContext http, SessionStarts starts) =>
            {
                await starts.ReleaseAsync(id, body.ParticipantId, http.User.RequiredUserId(), http.RequestAborted);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Researcher)
            .WithTags("Studies")
            .WithSummary("Release a participant's session from the browser that started it (they moved device): its token stops working, "
                + "and the next browser that opens the study link with this participant id carries on where they stopped")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
