using Platform.Web.Accounts;

namespace Platform.Web.Captions;

public static class AnnotatorsApi
{
    public static void MapAnnotators(this WebApplication app) =>
        app.MapGet("/api/captions/annotators", async (AnnotatorReport report, CancellationToken ct) => TypedResults.Ok(await report.ComputeAsync(ct)))
            .RequireAuthorization(Policies.Researcher)
            .WithTags("Captions")
            .WithSummary("Per annotator: submitted, accepted, rejected, waiting, acceptance rate with its 95 % Wilson interval, submissions in the last 7 days");
}
