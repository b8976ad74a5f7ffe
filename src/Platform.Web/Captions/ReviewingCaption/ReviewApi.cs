using Platform.Web.Accounts;

namespace Platform.Web.Captions;

public sealed record RejectionRequest(string Comment, long? ExpectedVersion = null);

public static class ReviewApi
{
    public static void MapReview(this RouteGroupBuilder caption)
    {
        caption.MapPost("/accept", async (Guid id, CaptionStep? step, CaptionReview review, HttpContext http) =>
                TypedResults.Ok(await review.AcceptAsync(id, http.User.RequiredUserId(), step?.ExpectedVersion, http.RequestAborted)))
            .RequireAuthorization(Policies.Reviewer).WithSummary("Accept the submitted revision as the caption of record (not your own) {expectedVersion?}");
        caption.MapPost("/reject", async (Guid id, RejectionRequest rejection, CaptionReview review, HttpContext http) =>
                TypedResults.Ok(await review.RejectAsync(id, rejection.Comment, http.User.RequiredUserId(), rejection.ExpectedVersion, http.RequestAborted)))
            .RequireAuthorization(Policies.Reviewer).WithSummary("Send the submitted revision back to its author with a comment (not your own) {comment, expectedVersion?}");
    }
}
