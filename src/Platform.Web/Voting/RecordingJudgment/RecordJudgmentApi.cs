using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Voting;

namespace Platform.Web.Voting;

/// <param name="Choice">Text rather than the enumeration, so an unknown answer gets the study's own 422 naming the allowed ones.</param>
public sealed record JudgmentRequest(
    Guid TrialId,
    [property: Description("left, same or right (pairwise; two-way scales have no same), success or failure (rating)"), MaxLength(20)] string? Choice,
    [property: Description("Optional: the decision time your page measured, kept beside the server's own (from the trial being handed out to the answer arriving), which is the one results use")]
    int? DecisionMs = null);

/// <param name="DecisionMs">The server's measure: from the trial being handed out to the answer arriving.</param>
public sealed record JudgmentResponse(Guid TrialId, Choice Choice, int DecisionMs, DateTimeOffset At);

public static class RecordJudgmentApi
{
    public static void MapRecordingJudgment(this RouteGroupBuilder api)
    {
        api.MapPost("/sessions/{token}/judgments", async Task<Results<Created<JudgmentResponse>, Ok<JudgmentResponse>>> (string token, JudgmentRequest body, ParticipantSessions sessions, JudgmentRecorder recorder, CancellationToken ct) =>
            {
                var choice = Choices.Parse(body.Choice)
                    ?? throw Choices.NotAllowed(body.Choice, (await sessions.GetWithStudyAsync(token, ct)).Study.Settings);
                var (judgment, created) = await recorder.RecordAsync(token, new RecordJudgment(Guid.Empty, body.TrialId, choice, body.DecisionMs), ct);
                var response = new JudgmentResponse(judgment.TrialId, judgment.Choice, judgment.DecisionMs, judgment.At);
                return created ? TypedResults.Created((string?)null, response) : TypedResults.Ok(response);
            })
            .WithSummary("Answer a trial: 201; 200 for the same answer again; 409 for a different answer to a judged trial; 422 (naming the allowed choices) for a choice the scale does not allow or an unknown one")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }
}
