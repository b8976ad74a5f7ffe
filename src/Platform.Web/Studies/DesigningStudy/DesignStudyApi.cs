using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Studies;
using Platform.Web.Accounts;

namespace Platform.Web.Studies;

public sealed record StudySummary(Guid Id, string Title, StudyKind Kind, StudyStatus Status, DateTimeOffset CreatedAt);

/// <param name="StoppedBy">Why and when an adaptive study closed itself, once it did.</param>
public sealed record StudyDetails(Guid Id, StudySettings Settings, StudyStatus Status, StudyCounts Counts, string ParticipantLink, DateTimeOffset CreatedAt, StudyGoalMet? StoppedBy = null);

public sealed record CreatedId(Guid Id);

public static class DesignStudyApi
{
    public static void MapDesigningStudy(this RouteGroupBuilder studies)
    {
        studies.MapPost("/", async Task<Created<CreatedId>> (StudySettings settings, HttpContext http, StudyCatalog catalog) =>
            {
                var study = await catalog.CreateAsync(new DesignStudy(Guid.NewGuid(), settings, http.User.RequiredUserId()), http.RequestAborted);
                return TypedResults.Created($"/api/studies/{study.Id}", new CreatedId(study.Id));
            })
            .WithSummary("Design a study (it starts as a draft)")
            .ProducesValidationProblem();

        studies.MapGet("/", async (StudyCatalog catalog, HttpContext http) =>
                TypedResults.Ok((await catalog.ListAsync(http.User.Actor(), http.RequestAborted))
                    .Select(s => new StudySummary(s.Id, s.Settings.Title, s.Settings.Kind, s.Status, s.CreatedAt)).ToList()))
            .WithSummary("The studies you own or that are shared with you (an admin: all), newest first");

        studies.MapGet("/{id:guid}", async (Guid id, StudyCatalog catalog, HttpContext http) =>
            {
                var study = await catalog.GetAsync(id, http.RequestAborted);
                var counts = await catalog.CountAsync(study, http.RequestAborted);
                return TypedResults.Ok(new StudyDetails(study.Id, study.Settings, study.Status, counts, ParticipantLink(http.Request, study.Id), study.CreatedAt, study.StoppedBy));
            })
            .WithSummary("A study's settings, status and counts of videos, trials and judgments")
            .ProducesProblem(StatusCodes.Status404NotFound);

        studies.MapPut("/{id:guid}", async (Guid id, StudySettings settings, HttpContext http, StudyCatalog catalog) =>
            {
                await catalog.ChangeAsync(new ChangeStudy(id, settings, http.User.RequiredUserId()), http.RequestAborted);
                return TypedResults.NoContent();
            })
            .WithSummary("Change a study's settings; changes that would invalidate collected judgments are refused (409)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static string ParticipantLink(HttpRequest request, Guid studyId) =>
        StudyText.ParticipantLink($"{request.Scheme}://{request.Host}{request.PathBase}/", studyId);
}
