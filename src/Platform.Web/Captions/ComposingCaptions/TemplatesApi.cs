using Platform.Captions;
using Platform.Web.Accounts;

namespace Platform.Web.Captions;

public static class TemplatesApi
{
    public static void MapTemplates(this WebApplication app)
    {
        app.MapGet("/api/captions/templates", async (CaptionSettingsStore settings, CancellationToken ct) => TypedResults.Ok(await settings.TemplatesAsync(ct)))
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Captions")
            .WithSummary("The templates and special tags new drafts are composed with");

        app.MapPut("/api/captions/templates", async (CaptionTemplates templates, Marten.IDocumentStore store, CancellationToken ct) =>
            {
                await CaptionTemplateEditing.SaveAsync(store, templates, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Researcher)
            .WithTags("Captions")
            .WithSummary("Change the templates and special tags (422 listing every problem: empty templates, unknown placeholders); used for videos imported from now on");
    }
}
