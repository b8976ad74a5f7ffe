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

    private static CaptionRevision Reviewable(SyntheticVideo video, Guid reviewer)
    {
        var submitted = video.Submitted
            ?? throw new DomainException("This caption is not waiting for review.", DomainError.Conflict);
        if (video.SubmittedBy == reviewer || WrittenBy(video, submitted, reviewer))
            throw new DomainException("Nobody reviews their own revision: another reviewer has to.", DomainError.Conflict);
        return submitted;
    }

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
