using Platform.Common;

namespace Platform.Captions;

public sealed record CaptionRevised(Guid VideoId, Guid RevisionId, string Text, ElementTags Tags, Guid? RestoredFrom, Guid By, DateTimeOffset At);

public sealed record CaptionSubmitted(Guid VideoId, Guid RevisionId, Guid By, DateTimeOffset At);

public sealed record ReviseCaption(Guid VideoId, Guid RevisionId, string Text, ElementTags Tags, Guid By);

public sealed record RestoreRevision(Guid VideoId, Guid RevisionId, Guid FromRevisionId, Guid By);

public sealed record SubmitCaption(Guid VideoId, Guid By);

public static class EditingCaption
{
    public const int MaxLength = 4000;
    public const int MaxTags = 32;
    public const int MaxTagLength = 80;

    /// <returns>The new revision, or null when nothing changed (an autosave of the same text and tags).</returns>
    public static CaptionRevised? Handle(SyntheticVideo video, ReviseCaption command, DateTimeOffset now)
    {
        RefuseWhileInReview(video);
        var text = (command.Text ?? "").Trim();
        if (text.Length is 0 or > MaxLength)
            throw new DomainException($"A caption has 1 to {MaxLength} characters.", DomainError.Unprocessable);
        var tags = Checked(command.Tags);
        if (video.Latest is { } latest && latest.Text == text && SameTags(latest.Tags, tags)) return null;
        return new CaptionRevised(video.Id, command.RevisionId, text, tags, null, command.By, now);
    }

    /// <summary>Restoring an older revision makes it a new draft; the history keeps everything in between.</summary>
    public static CaptionRevised Handle(SyntheticVideo video, RestoreRevision command, DateTimeOffset now)
    {
        RefuseWhileInReview(video);
        var old = video.Revisions.FirstOrDefault(r => r.Id == command.FromRevisionId)
            ?? throw new DomainException("This video's caption has no such revision.", DomainError.NotFound);
        return new CaptionRevised(video.Id, command.RevisionId, old.Text, old.Tags, old.Id, command.By, now);
    }

    public static CaptionSubmitted Handle(SyntheticVideo video, SubmitCaption command, DateTimeOffset now) =>
        WhyNotSubmit(video) is { } refusal
            ? throw new DomainException(refusal, DomainError.Conflict)
            : new CaptionSubmitted(video.Id, video.Latest!.Id, command.By, now);

    /// <summary>Why the latest revision cannot go for review as it is (null: it can), for the refusal and for the editor's disabled button.</summary>
    public static string? WhyNotSubmit(SyntheticVideo video) => video.Status switch
    {
        CaptionStatus.Submitted => "This caption is already waiting for review.",
        CaptionStatus.Accepted => "This caption is accepted; revise it before submitting again.",
        CaptionStatus.Rejected when video.Latest!.Id == LastReviewed(video) =>
            "This revision was rejected; revise it (see the reviewer's comment) before submitting again.",
        _ => null,
    };

    private static Guid? LastReviewed(SyntheticVideo video) => video.ReviewedRevisionId;

    private static void RefuseWhileInReview(SyntheticVideo video)
    {
        if (video.Status == CaptionStatus.Submitted)
            throw new DomainException("This caption is waiting for review; it can be changed again once it is accepted or rejected.", DomainError.Conflict);
    }

    private static ElementTags Checked(ElementTags? tags)
    {
        tags ??= new ElementTags();
        static IReadOnlyList<string> Clean(IReadOnlyList<string>? list, string element)
        {
            var cleaned = (list ?? []).Select(t => (t ?? "").Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (cleaned.Count > MaxTags || cleaned.Any(t => t.Length > MaxTagLength))
                throw new DomainException($"{element} tags: at most {MaxTags}, each up to {MaxTagLength} characters.", DomainError.Unprocessable);
            return cleaned;
        }
        return new ElementTags
        {
            Object = Clean(tags.Object, "Object"),
            Character = Clean(tags.Character, "Character"),
            Motion = Clean(tags.Motion, "Motion"),
            Camera = Clean(tags.Camera, "Camera"),
            Environment = Clean(tags.Environment, "Environment"),
            Style = Clean(tags.Style, "Style"),
        };
    }

    public static bool SameTags(ElementTags a, ElementTags b) =>
        a.Object.SequenceEqual(b.Object) && a.Character.SequenceEqual(b.Character) && a.Motion.SequenceEqual(b.Motion)
        && a.Camera.SequenceEqual(b.Camera) && a.Environment.SequenceEqual(b.Environment) && a.Style.SequenceEqual(b.Style);
}
