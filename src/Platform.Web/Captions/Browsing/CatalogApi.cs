using Platform.Web.Accounts;

namespace Platform.Web.Captions;

public static class CatalogApi
{
    public static void MapCatalog(this RouteGroupBuilder videos) =>
        videos.MapGet("", async ([AsParameters] CatalogQuery query, CatalogSearch search, CancellationToken ct) =>
                TypedResults.Ok(await search.FindAsync(query.ToFilter(), ct)))
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Search the catalog: status, tag, movementType, focusType, focusPosition, min/maxMovementValue, min/maxFocalLength, sceneType, engine, quality, parameter (any render parameter: path=value, e.g. environment.sceneColor=#808080), annotator, q (words)");
}
