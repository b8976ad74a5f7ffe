namespace Platform.Web.Voting;

public sealed record SessionState(bool Completed, string? CompletionCode, string? CompletionUrl, Progress Progress, bool Returned = false);

public static class SessionStateApi
{
    public static void MapCheckingSession(this RouteGroupBuilder api)
    {
        api.MapGet("/sessions/{token}", async (string token, ParticipantSessions sessions, CancellationToken ct) =>
            {
                var (study, session) = await sessions.GetWithStudyAsync(token, ct);
                return TypedResults.Ok(new SessionState(session.Completed,
                    session.Completed ? study.Settings.CompletionCode : null,
                    session.Completed ? study.Settings.CompletionUrl : null,
                    new Progress(session.Judgments.Count, study.Settings.TrialsPerParticipant), session.Returned));
            })
            .WithSummary("Whether the session is finished, and then its completion code")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }
}
