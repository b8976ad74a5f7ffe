using Platform.Captions;
using Platform.Common;

namespace Platform.Web.Captions;

/// <summary>The catalog's query string; enum values are matched ignoring case and dashes ("in-progress", "InProgress").</summary>
public sealed record CatalogQuery(
    string? Status, string? Tag, string? MovementType, string? SceneType, string? Engine, string? Quality, Guid? Annotator, string? Q, int? Limit,
    string? FocusType, string? FocusPosition, double? MinMovementValue, double? MaxMovementValue, double? MinFocalLength, double? MaxFocalLength,
    string? Parameter)
{
    public CatalogFilter ToFilter() => new(
        Parse<CaptionStatus>(Status, "status"), Tag, Parse<MovementType>(MovementType, "movementType"), Parse<SceneType>(SceneType, "sceneType"),
        Parse<RenderEngine>(Engine, "engine"), Parse<RenderQuality>(Quality, "quality"), Annotator, Q, Checked(Limit),
        Parse<FocusType>(FocusType, "focusType"), Parse<FocusPosition>(FocusPosition, "focusPosition"),
        NumberRange.Of(MinMovementValue, MaxMovementValue), NumberRange.Of(MinFocalLength, MaxFocalLength), ParameterMatch.Parse(Parameter));

    private static int Checked(int? limit) => limit switch
    {
        null => 100,
        < 1 or > CatalogSearch.MaxLimit => throw new DomainException($"limit is a number from 1 to {CatalogSearch.MaxLimit}."),
        _ => limit.Value,
    };

    private static T? Parse<T>(string? value, string name) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return Enum.TryParse<T>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new DomainException($"'{value}' is not a {name}; use one of: {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}.");
    }
}
