using Platform.Captions;

namespace Platform.Web.Captions;

public sealed record RevisionView(Guid Id, string Text, ElementTags Tags, Guid Author, DateTimeOffset At, Guid? RestoredFrom);

/// <summary>One event of the caption's history, for the timeline: what happened, who did it, when.</summary>
public sealed record HistoryEntry(long Version, string What, Guid By, DateTimeOffset At, Guid? RevisionId, string? Comment);

/// <summary>A caption as the editor and the API show it. <see cref="Version"/> goes back with the next save.</summary>
public sealed record CaptionView(
    Guid VideoId,
    string FileName,
    long Version,
    CaptionStatus Status,
    string Text,
    ElementTags Tags,
    Guid RevisionId,
    string ComposedText,
    string GenericText,
    IReadOnlyList<string> SpecialTags,
    Guid? AcceptedRevisionId,
    string? RejectionComment,
    IReadOnlyList<CaptionWarning> Warnings,
    IReadOnlyList<RevisionView> Revisions,
    IReadOnlyList<HistoryEntry> History,
    string VideoUrl,
    string PosterUrl,
    double Fps,
    Sidecar Sidecar)
{
    public static CaptionView From(SyntheticVideo video, IReadOnlyList<HistoryEntry> history)
    {
        var latest = video.Latest!;
        return new CaptionView(video.Id, video.FileName, video.Version, video.Status, latest.Text, latest.Tags, latest.Id,
            video.Composed!.Text, video.GenericCaption, video.SpecialTags, video.AcceptedRevisionId, video.RejectionComment,
            CaptionWarnings.For(latest.Text, latest.Tags, video.Sidecar, video.SpecialTags),
            [.. video.Revisions.Select(r => new RevisionView(r.Id, r.Text, r.Tags, r.Author, r.At, r.RestoredFrom))],
            history, $"/media/{video.MediaId}", $"/media/{video.PosterId}", video.Sidecar.Source?.Fps ?? 25, video.Sidecar);
    }
}

public static class CaptionWarnings
{
    /// <summary>The checks of a caption against its render data, with the tags as edited (not as imported).</summary>
    public static IReadOnlyList<CaptionWarning> For(string text, ElementTags tags, Sidecar sidecar, IReadOnlyList<string> specialTags) =>
        CaptionChecks.Check(text, sidecar with { Tags = tags }, specialTags);
}

/// <summary>
/// The caption changed since the editor loaded it: the save is refused, and both texts go back so the editor can show
/// them side by side — nothing typed is lost.
/// </summary>
public sealed class CaptionConflictException(string yours, ElementTags? yourTags, CaptionView current)
    : Exception("Someone else changed this caption since you opened it; compare both texts and save again.")
{
    public string Yours { get; } = yours;

    /// <summary>The tags sent with the refused save (null: they were not being changed).</summary>
    public ElementTags? YourTags { get; } = yourTags;

    public CaptionView Current { get; } = current;
}
