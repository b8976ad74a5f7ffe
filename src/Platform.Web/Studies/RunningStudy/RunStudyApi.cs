using Platform.Studies;
using Platform.Web.Accounts;

namespace Platform.Web.Studies;

public static class RunStudyApi
{
    public static void MapRunningStudy(this RouteGroupBuilder studies)
    {
        studies.MapPost("/{id:guid}/open", async (Guid id, HttpContext http, StudyCatalog catalog) =>
            {
                await catalog.OpenAsync(new OpenStudy(id, http.User.RequiredUserId()), http.RequestAborted);
                return TypedResults.NoContent();
            })
            .WithSummary("Open the study to participants")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        studies.MapPost("/{id:guid}/pause", async (Guid id, HttpContext http, StudyCatalog catalog) =>
            {
                await catalog.PauseAsync(new PauseStudy(id, http.User.RequiredUserId()), http.RequestAborted);
                return TypedResults.NoContent();
            })
            .WithSummary("Stop handing out new trials for a while")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        studies.MapPost("/{id:guid}/close", async (Guid id, HttpContext http, StudyCatalog catalog) =>
            {
                await catalog.CloseAsync(new CloseStudy(id, http.User.RequiredUserId()), http.RequestAborted);
                return TypedResults.NoContent();
            })
            .WithSummary("Close the study for good")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
