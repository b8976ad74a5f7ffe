using Platform.Web.Accounts;

namespace Platform.Web.Results;

public static class ResultsApi
{
    public const string VersionHeader = "X-Event-Version";

    public static void MapResults(this WebApplication app)
    {
        var studies = app.MapGroup("/api/studies/{id:guid}").RequireAuthorization(Policies.Researcher).WithTags("Results");
        studies.MapExportingResults();
        studies.MapImportingJudgments();
        studies.MapImportingMetrics();
        studies.MapComparingMetrics();
        studies.MapMeasuringConsistency();
    }
}
