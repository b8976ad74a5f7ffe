using Platform.Captions;

namespace Platform.Web.Captions;

/// <summary>One video in a list: the catalog, a queue.</summary>
public sealed record VideoSummary(
    Guid VideoId, string FileName, CaptionStatus Status, string Caption, ElementTags Tags, MovementType MovementType, SceneType SceneType,
    RenderEngine Engine, RenderQuality Quality, Guid? Annotator, DateTimeOffset ImportedAt, string PosterUrl);
