using Marten;
using Platform.Captions;

namespace Platform.Web.Captions;

/// <param name="Tag">Matches a tag of any element (object, character, motion, camera, environment, style).</param>
/// <param name="Text">Words in the caption or the file name.</param>
public sealed record CatalogFilter(
    CaptionStatus? Status = null, string? Tag = null, MovementType? MovementType = null, SceneType? SceneType = null,
    RenderEngine? Engine = null, RenderQuality? Quality = null, Guid? Annotator = null, string? Text = null, int Limit = 100,
    FocusType? FocusType = null, FocusPosition? FocusPosition = null, NumberRange? MovementValue = null, NumberRange? FocalLength = null,
    ParameterMatch? Parameter = null);

/// <summary>An inclusive range; either end may be open.</summary>
public sealed record NumberRange(double? Min, double? Max)
{
    /// <summary>The range, or null when both ends are open (no filter).</summary>
    public static NumberRange? Of(double? min, double? max) => min is null && max is null ? null : new NumberRange(min, max);

    public bool Contains(double? value) => value is { } v && (Min is not { } min || v >= min) && (Max is not { } max || v <= max);
}

/// <summary>The catalog grid's query: render parameters and status in the database, tags and words on the result.</summary>
public sealed class CatalogSearch(IDocumentStore store)
{
    public const int MaxLimit = 500;

    public async Task<IReadOnlyList<VideoSummary>> FindAsync(CatalogFilter filter, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        IQueryable<SyntheticVideo> query = session.Query<SyntheticVideo>();
        if (filter.Status is { } status) query = query.Where(v => v.Status == status);
        if (filter.MovementType is { } movement) query = query.Where(v => v.Sidecar.RenderParameters.Camera.MovementType == movement);
        if (filter.SceneType is { } scene) query = query.Where(v => v.Sidecar.RenderParameters.Environment.SceneType == scene);
        if (filter.Engine is { } engine) query = query.Where(v => v.Sidecar.RenderParameters.Render.Engine == engine);
        if (filter.Quality is { } quality) query = query.Where(v => v.Sidecar.RenderParameters.Render.Quality == quality);
        if (filter.Annotator is { } annotator) query = query.Where(v => v.Annotator == annotator);
        if (filter.FocusType is { } focus) query = query.Where(v => v.Sidecar.RenderParameters.Camera.FocusType == focus);
        if (filter.FocusPosition is { } position) query = query.Where(v => v.Sidecar.RenderParameters.Camera.FocusPosition == position);
        var videos = await query.OrderByDescending(v => v.ImportedAt).ToListAsync(cancellationToken);

        return [.. videos
            .Where(v => filter.Tag is not { Length: > 0 } tag || AllTags(v.Latest!.Tags).Contains(tag.Trim(), StringComparer.OrdinalIgnoreCase))
            .Where(v => filter.MovementValue is not { } range || range.Contains(v.Sidecar.RenderParameters.Camera.MovementValue))
            .Where(v => filter.FocalLength is not { } range || range.Contains(v.Sidecar.RenderParameters.Camera.FocalLength))
            .Where(v => filter.Parameter is not { } parameter || parameter.Matches(v.Sidecar.RenderParameters))
            .Where(v => filter.Text is not { Length: > 0 } text
                || v.Latest!.Text.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase) || v.FileName.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase))
            .Take(Math.Clamp(filter.Limit, 1, MaxLimit))
            .Select(Summary)];
    }

    public static VideoSummary Summary(SyntheticVideo v) =>
        new(v.Id, v.FileName, v.Status, v.Latest!.Text, v.Latest.Tags, v.Sidecar.RenderParameters.Camera.MovementType,
            v.Sidecar.RenderParameters.Environment.SceneType, v.Sidecar.RenderParameters.Render.Engine, v.Sidecar.RenderParameters.Render.Quality,
            v.Annotator, v.ImportedAt, $"/media/{v.PosterId}");

    private static IEnumerable<string> AllTags(ElementTags t) => t.Object.Concat(t.Character).Concat(t.Motion).Concat(t.Camera).Concat(t.Environment).Concat(t.Style);
}
