namespace Platform.Web.Voting;

public static class ReturnStudyApi
{
    public static void MapReturningStudy(this RouteGroupBuilder api)
    {
        api.MapPost("/sessions/{token}/return", async (string token, SessionReturns returns, CancellationToken ct) =>
            {
                await returns.ReturnAsync(token, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Stop before the end (Prolific's return): the trial held goes back to the pool at once, the answers given stay, no completion code; 204 again for a repeat")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }
}
