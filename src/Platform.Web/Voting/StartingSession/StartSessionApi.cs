using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Common;
using Platform.Voting;

namespace Platform.Web.Voting;

/// <param name="ResumeToken">The token this browser got when it started; without it a participant id that has a session gets 409.</param>
public sealed record StartSession(
    [property: MaxLength(ParticipantIds.MaxLength)] string ParticipantId,
    [property: MaxLength(Limits.Name)] string? Source,
    [property: MaxLength(ParticipantIds.MaxLength)] string? StudyId = null,
    [property: MaxLength(ParticipantIds.MaxLength)] string? SessionId = null,
    [property: MaxLength(SessionTokens.Length)] string? ResumeToken = null);

public sealed record SessionToken(string Token);

public static class StartSessionApi
{
    public static void MapStartingSession(this RouteGroupBuilder api)
    {
        api.MapPost("/studies/{id:guid}/sessions", async Task<Results<Created<SessionToken>, Ok<SessionToken>>> (Guid id, StartSession body, SessionStarts starts, CancellationToken ct) =>
            {
                var source = string.Equals(body.Source, "prolific", StringComparison.OrdinalIgnoreCase) ? "prolific" : "direct";
                var (session, created) = await starts.StartAsync(id, new Participant(body.ParticipantId, source, body.StudyId, body.SessionId), body.ResumeToken, ct);
                return created
                    ? TypedResults.Created($"/api/sessions/{session.Token}", new SessionToken(session.Token))
                    : TypedResults.Ok(new SessionToken(session.Token));
            })
            .WithSummary("Start a participant's session (201); resume it with the token it was given (200, the same token); the participant id without that token gets 409 (the session belongs to the browser that started it, until a researcher releases it)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }
}
