using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Captions;
using Platform.Web.Accounts;

namespace Platform.Web.Captions;

public sealed record CaptionEdit(string Text, ElementTags? Tags, long ExpectedVersion);

public sealed record RestoreRequest(Guid RevisionId, long? ExpectedVersion = null);

public static class EditingApi
{
    public static void MapEditing(this RouteGroupBuilder caption)
    {
        caption.MapGet("", async (Guid id, CaptionDesk desk, CancellationToken ct) => TypedResults.Ok(await desk.ViewAsync(id, ct)))
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("The caption, its composed draft, warnings, revisions and history; its version goes back with the next save");

        caption.MapPut("", ReviseAsync)
            .RequireAuthorization(Policies.Annotator)
            .WithSummary("Save a revision {text, tags, expectedVersion} (without tags the current ones stay); 409 with both texts when someone else saved first");

        // Each step may carry the expectedVersion it was decided on; a change since then is a 409.
        caption.MapPost("/submit", async (Guid id, CaptionStep? step, CaptionEditing editing, HttpContext http) =>
                TypedResults.Ok(await editing.SubmitAsync(id, http.User.RequiredUserId(), step?.ExpectedVersion, http.RequestAborted)))
            .RequireAuthorization(Policies.Annotator).WithSummary("Submit the latest revision for review {expectedVersion?}");
        caption.MapPost("/restore", async (Guid id, RestoreRequest restore, CaptionEditing editing, HttpContext http) =>
                TypedResults.Ok(await editing.RestoreAsync(id, restore.RevisionId, http.User.RequiredUserId(), restore.ExpectedVersion, http.RequestAborted)))
            .RequireAuthorization(Policies.Annotator).WithSummary("Make an older revision the new draft {revisionId, expectedVersion?}");
    }

    private static async Task<Results<Ok<CaptionView>, ProblemHttpResult>> ReviseAsync(Guid id, CaptionEdit edit, CaptionEditing editing, HttpContext http)
    {
        try
        {
            return TypedResults.Ok(await editing.ReviseAsync(id, edit.Text, edit.Tags, edit.ExpectedVersion, http.User.RequiredUserId(), http.RequestAborted));
        }
        catch (CaptionConflictException conflict)
        {
            return TypedResults.Problem(conflict.Message, statusCode: StatusCodes.Status409Conflict, title: "The caption changed meanwhile.",
                extensions: new Dictionary<string, object?> { ["yours"] = conflict.Yours, ["yourTags"] = conflict.YourTags, ["current"] = conflict.Current });
        }
    }
}
