using Platform.Common;

namespace Platform.Captions;

public sealed record CaptionAccepted(Guid VideoId, Guid RevisionId, Guid By, DateTimeOffset At);

public sealed record CaptionRejected(Guid VideoId, Guid RevisionId, string Comment, Guid By, DateTimeOffset At);

public sealed record AcceptCaption(Guid VideoId, Guid By);

public sealed record RejectCaption(Guid VideoId, string Comment, Guid By);

/// <summary>A reviewer accepts the submitted revision or rejects it with a comment; nobody reviews their own revision.</summary>
public static class ReviewingCaption
{
    public const int MaxComment = 2000;

    public static CaptionAccepted Handle(SyntheticVideo video, AcceptCaption command, DateTimeOffset now)
    {
        var submitted = Reviewable(video, command.By);
        return new CaptionAccepted(video.Id, submitted.Id, command.By, now);
    }

    public static CaptionRejected Handle(SyntheticVideo video, RejectCaption command, DateTimeOffset now)
    {
        var submitted = Reviewable(video, command.By);
        var comment = (command.Comment ?? "").Trim();
        if (comment.Length is 0 or > MaxComment)
            throw new DomainException($"A rejection needs a comment for its author (1 to {MaxComment} characters).", DomainError.Unprocessable);
        return new CaptionRejected(video.Id, submitted.Id, comment, command.By, now);
    }

    private static CaptionRevision Reviewable(SyntheticVideo video, Guid reviewer) =>
        WhyNot(video, reviewer) is { } refusal ? throw new DomainException(refusal, DomainError.Conflict) : video.Submitted!;

    /// <summary>Why this reviewer cannot accept or reject the caption now (null: they can), for the refusal and for the editor, which shows the reason instead of the buttons.</summary>
    public static string? WhyNot(SyntheticVideo video, Guid reviewer) => video.Submitted switch
    {
        null => "This caption is not waiting for review.",
        var submitted when video.SubmittedBy == reviewer || WrittenBy(video, submitted, reviewer) =>
            "Nobody reviews their own revision: another reviewer has to.",
        _ => null,
    };

    /// <summary>
    /// Whether the submitted text is the reviewer's own: they wrote the revision, or the revision it restores (however
    /// many restores back), or any revision of the same text — restoring or copying it does not make it someone else's.
    /// </summary>
    private static bool WrittenBy(SyntheticVideo video, CaptionRevision submitted, Guid reviewer)
    {
        if (video.Revisions.Any(r => r.Author == reviewer && r.Text == submitted.Text)) return true;
        var seen = new HashSet<Guid>();
        for (var r = submitted; r is not null && seen.Add(r.Id); r = video.Revisions.FirstOrDefault(x => x.Id == r.RestoredFrom))
            if (r.Author == reviewer) return true;
        return false;
    }
}
