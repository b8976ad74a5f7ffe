using Platform.Web.Accounts;

namespace Platform.Web.Studies;

public static class StudiesApi
{
    public static void MapStudies(this WebApplication app)
    {
        var studies = app.MapGroup("/api/studies").RequireAuthorization(Policies.Researcher).WithTags("Studies");
        studies.MapDesigningStudy();
        studies.MapRunningStudy();
        studies.MapAddingVideos(app.Configuration);
        studies.MapSharing();
        studies.MapBulkUploads(app.Configuration);
        studies.MapStoppingStudy();
    }
}
