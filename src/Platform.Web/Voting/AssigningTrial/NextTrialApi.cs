using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Studies;
using Platform.Voting;

namespace Platform.Web.Voting;

public sealed record TrialResponse(Guid TrialId, StudyKind Kind, string Question, string? SuccessCriterion, IReadOnlyList<Choice> Choices, IReadOnlyList<VideoView> Videos, Progress Progress)
{
    public static TrialResponse From(TrialView v) => new(v.TrialId, v.Kind, v.Question, v.SuccessCriterion, v.Choices, v.Videos, new Progress(v.Done, v.Total));
}

public static class NextTrialApi
{
    public static void MapAssigningTrial(this RouteGroupBuilder api)
    {
        api.MapGet("/sessions/{token}/next", async Task<Results<Ok<TrialResponse>, NoContent>> (string token, NextTrials trials, CancellationToken ct) =>
                await trials.NextAsync(token, ct) switch
                {
                    NextTrial.Trial trial => TypedResults.Ok(TrialResponse.From(trial.View)),
                    NextTrial.Full full => throw ParticipantSessions.Refused(full.Message, full.Code),
                    _ => TypedResults.NoContent(),
                })
            .WithSummary("The trial to judge now (the same one again until it is answered); 204 when the session is finished; 409 when the study closed before it began")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }
}
