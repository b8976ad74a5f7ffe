namespace Platform.Web.Studies;

public static class StoppingStudyApi
{
    public static void MapStoppingStudy(this RouteGroupBuilder studies)
    {
        studies.MapGet("/{id:guid}/goal", async (Guid id, StudyGoalViews views, CancellationToken cancellationToken) =>
                TypedResults.Ok(await views.ReadAsync(id, cancellationToken)))
            .WithSummary("Where an adaptive study's goal stands: each unit's always-valid interval and state, the judgments projected to finish, and what stopped the study")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        studies.MapGet("/{id:guid}/plan", async (Guid id, StudyGoalViews views, CancellationToken cancellationToken) =>
                TypedResults.Ok(await views.PlanAsync(id, new PlanRequest(), cancellationToken)))
            .WithSummary("Judgments and participants the study's goal needs under the planner's default assumptions (simulated)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        studies.MapPost("/{id:guid}/plan", async (Guid id, PlanRequest request, StudyGoalViews views, CancellationToken cancellationToken) =>
                TypedResults.Ok(await views.PlanAsync(id, request, cancellationToken)))
            .WithSummary("Judgments and participants the study's goal needs under the assumptions given (effect, tie rate, success rate, Elo step, per condition, prompts), by simulation")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem();
    }
}
