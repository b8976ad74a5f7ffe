namespace Platform.Web.Captions;

/// <summary>A step that may carry the version it was decided on (submit, accept).</summary>
public sealed record CaptionStep(long? ExpectedVersion = null);

public static class CaptionsApi
{
    public static void MapCaptions(this WebApplication app)
    {
        var videos = app.MapGroup("/api/synthetic-videos").WithTags("Captions");
        videos.MapImports();
        videos.MapCatalog();
        var caption = videos.MapGroup("/{id:guid}/caption");
        caption.MapEditing();
        caption.MapReview();
        app.MapTemplates();
        app.MapAnnotators();
        app.MapCaptionExport();
    }
}
