using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Platform.Common;
using Platform.Studies;
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

public sealed record Progress(int Done, int Total);

public sealed record TrialResponse(Guid TrialId, StudyKind Kind, string Question, string? SuccessCriterion, IReadOnlyList<Choice> Choices, IReadOnlyList<VideoView> Videos, Progress Progress)
{
    public static TrialResponse From(TrialView v) => new(v.TrialId, v.Kind, v.Question, v.SuccessCriterion, v.Choices, v.Videos, new Progress(v.Done, v.Total));
}

/// <param name="Choice">Text rather than the enumeration, so an unknown answer gets the study's own 422 naming the allowed ones.</param>
public sealed record JudgmentRequest(
    Guid TrialId,
    [property: Description("left, same or right (pairwise; two-way scales have no same), success or failure (rating)"), MaxLength(20)] string? Choice,
    [property: Description("Optional: the decision time your page measured, kept beside the server's own (from the trial being handed out to the answer arriving), which is the one results use")]
    int? DecisionMs = null);

/// <param name="DecisionMs">The server's measure: from the trial being handed out to the answer arriving.</param>
public sealed record JudgmentResponse(Guid TrialId, Choice Choice, int DecisionMs, DateTimeOffset At);

public sealed record SessionState(bool Completed, string? CompletionCode, string? CompletionUrl, Progress Progress, bool Returned = false);

public static class VotingApi
{
    public const string RateLimit = "participants";

    /// <summary>
    /// Anonymous participants: requests per client address and minute (Voting:RequestsPerClientPerMinute), beyond which
    /// 429; and for the whole process at most Voting:MaxConcurrentRequests in flight (about Marten's pool, so a crowd
    /// waits here in order rather than for a connection), Voting:MaxQueuedRequests waiting oldest first, and beyond
    /// those 503 (see <see cref="Hosting.Pipeline"/>'s rejection).
    /// </summary>
    public static IServiceCollection AddParticipantRateLimit(this IServiceCollection services, IConfiguration configuration) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = configuration.GetValue("Voting:RequestsPerClientPerMinute", 600),
                    Window = TimeSpan.FromMinutes(1),
                }));
            // Global, so it is taken before the per-client window and whatever the endpoint; one partition for all.
            var inFlight = new ConcurrencyLimiterOptions
            {
                PermitLimit = configuration.GetValue("Voting:MaxConcurrentRequests",
                    configuration.GetValue("Database:MaxPoolSize", Hosting.Database.DatabaseOptions.DefaultMaxPoolSize)),
                QueueLimit = configuration.GetValue("Voting:MaxQueuedRequests", 1000),
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            };
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == RateLimit
                    ? RateLimitPartition.GetConcurrencyLimiter(RateLimit, _ => inFlight)
                    : RateLimitPartition.GetNoLimiter(string.Empty));
        });

    public static void MapVoting(this IEndpointRouteBuilder app)
    {
        app.MapReleaseSession();
        var api = app.MapGroup("/api").AllowAnonymous().RequireRateLimiting(RateLimit).WithMetadata(new Hosting.ParticipantEndpoint()).WithTags("Participants");

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

        api.MapGet("/sessions/{token}/next", async Task<Results<Ok<TrialResponse>, NoContent>> (string token, ParticipantSessions sessions, CancellationToken ct) =>
                await sessions.NextAsync(token, ct) is NextTrial.Trial trial
                    ? TypedResults.Ok(TrialResponse.From(trial.View))
                    : TypedResults.NoContent())
            .WithSummary("The trial to judge now (the same one again until it is answered); 204 when the session is finished")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapPost("/sessions/{token}/judgments", async Task<Results<Created<JudgmentResponse>, Ok<JudgmentResponse>>> (string token, JudgmentRequest body, ParticipantSessions sessions, CancellationToken ct) =>
            {
                var choice = Choices.Parse(body.Choice)
                    ?? throw Choices.NotAllowed(body.Choice, (await sessions.GetWithStudyAsync(token, ct)).Study.Settings);
                var (judgment, created) = await sessions.RecordAsync(token, new RecordJudgment(Guid.Empty, body.TrialId, choice, body.DecisionMs), ct);
                var response = new JudgmentResponse(judgment.TrialId, judgment.Choice, judgment.DecisionMs, judgment.At);
                return created ? TypedResults.Created((string?)null, response) : TypedResults.Ok(response);
            })
            .WithSummary("Answer a trial: 201; 200 for the same answer again; 409 for a different answer to a judged trial; 422 (naming the allowed choices) for a choice the scale does not allow or an unknown one")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapPost("/sessions/{token}/return", async (string token, ParticipantSessions sessions, CancellationToken ct) =>
            {
                await sessions.ReturnAsync(token, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Stop before the end (Prolific's return): the trial held goes back to the pool at once, the answers given stay, no completion code; 204 again for a repeat")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status503ServiceUnavailable);

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
