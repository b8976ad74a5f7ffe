namespace Platform.Web.Studies;

public static class SharingApi
{
    /// <summary>Within the studies group: <see cref="StudyScope"/> already keeps out those the study does not belong to.</summary>
    public static void MapSharing(this RouteGroupBuilder studies)
    {
        var sharing = studies.MapGroup("/{id:guid}/sharing");

        sharing.MapGet("/", async (Guid id, HttpContext http, StudySharing sharing) =>
                TypedResults.Ok(await sharing.ViewAsync(id, http.User.Actor(), http.RequestAborted)))
            .WithSummary("Whom the study belongs to: its owner and the researchers it is shared with")
            .ProducesProblem(StatusCodes.Status404NotFound);

        sharing.MapPost("/", async (Guid id, ShareRequest request, HttpContext http, StudySharing sharing) =>
                TypedResults.Ok(await sharing.ShareAsync(id, request, http.User.Actor(), http.RequestAborted)))
            .WithSummary("Share the study with a researcher ({email} or {userId}); they then see and change it as the owner does. "
                + "Owner or admin only (403); 422 for an unknown, disabled or non-researcher account; sharing again changes nothing")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        sharing.MapDelete("/{userId:guid}", async (Guid id, Guid userId, HttpContext http, StudySharing sharing) =>
                TypedResults.Ok(await sharing.UnshareAsync(id, userId, http.User.Actor(), http.RequestAborted)))
            .WithSummary("Stop sharing the study with a researcher. Owner or admin only (403); the owner cannot be removed (409)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        sharing.MapGet("/candidates", async (Guid id, StudySharing sharing, CancellationToken ct) =>
                TypedResults.Ok(await sharing.CandidatesAsync(id, ct)))
            .WithSummary("The active researchers the study could be shared with (id, email, name): the lab's staff directory, "
                + "shown to the researchers of this study")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
