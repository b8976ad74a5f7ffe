using System.ComponentModel;

namespace Platform.Captions;

public enum CaptionStatus
{
    /// <summary>Only the draft composed from the tags exists.</summary>
    [Description("Composed draft")]
    Drafted,

    /// <summary>An annotator has revised it and not yet submitted.</summary>
    InProgress,
    Submitted,
    Accepted,

    /// <summary>Back with its author, with the reviewer's comment.</summary>
    Rejected,
}

/// <param name="RestoredFrom">Set when the revision restores an older one.</param>
public sealed record CaptionRevision(Guid Id, string Text, ElementTags Tags, Guid Author, DateTimeOffset At, Guid? RestoredFrom = null);

/// <summary>
/// A synthetic video in the catalog and the history of its caption, one event stream per video: imported, drafted
/// (composed), revised, submitted, accepted, rejected. The accepted revision is the caption of record.
/// </summary>
public sealed class SyntheticVideo
{
    public Guid Id { get; set; }

    /// <summary>The stream's version (set by the event store): editors send it back to detect concurrent edits.</summary>
    public long Version { get; set; }

    public string Sha256 { get; set; } = "";
    public string FileName { get; set; } = "";
    public long Bytes { get; set; }
    public string MediaId { get; set; } = "";
    public string PosterId { get; set; } = "";
    public Sidecar Sidecar { get; set; } = default!;
    public DateTimeOffset ImportedAt { get; set; }
    public string GenericCaption { get; set; } = "";
    public List<string> SpecialTags { get; set; } = [];
    public List<CaptionRevision> Revisions { get; set; } = [];
    public CaptionStatus Status { get; set; }
    public Guid? SubmittedRevisionId { get; set; }
    public Guid? SubmittedBy { get; set; }
    public Guid? AcceptedRevisionId { get; set; }

    /// <summary>The revision the last review (acceptance or rejection) was about.</summary>
    public Guid? ReviewedRevisionId { get; set; }

    /// <summary>The reviewer's comment on the last rejection, until the next submission.</summary>
    public string? RejectionComment { get; set; }

    /// <summary>Who revised it last (the annotator whose queue it is in), if anyone has.</summary>
    public Guid? Annotator { get; set; }

    public CaptionRevision? Latest => Revisions.Count == 0 ? null : Revisions[^1];
    public CaptionRevision? Composed => Revisions.Count == 0 ? null : Revisions[0];
    public CaptionRevision? Accepted => Revisions.FirstOrDefault(r => r.Id == AcceptedRevisionId);
    public CaptionRevision? Submitted => Revisions.FirstOrDefault(r => r.Id == SubmittedRevisionId);

    public static SyntheticVideo Create(SyntheticVideoImported e) => new()
    {
        Id = e.VideoId,
        Sha256 = e.Sha256,
        FileName = e.FileName,
        Bytes = e.Bytes,
        MediaId = e.MediaId,
        PosterId = e.PosterId,
        Sidecar = e.Sidecar,
        ImportedAt = e.At,
    };

    public void Apply(CaptionDrafted e)
    {
        Revisions.Add(new CaptionRevision(e.RevisionId, e.Text, e.Tags, e.By, e.At));
        GenericCaption = e.GenericText;
        SpecialTags = [.. e.SpecialTags];
        Status = CaptionStatus.Drafted;
    }

    public void Apply(CaptionRevised e)
    {
        Revisions.Add(new CaptionRevision(e.RevisionId, e.Text, e.Tags, e.By, e.At, e.RestoredFrom));
        Status = CaptionStatus.InProgress;
        Annotator = e.By;
    }

    public void Apply(CaptionSubmitted e)
    {
        SubmittedRevisionId = e.RevisionId;
        SubmittedBy = e.By;
        Annotator = e.By; // a rejection goes back to whoever submitted, even an untouched draft
        RejectionComment = null;
        Status = CaptionStatus.Submitted;
    }

    public void Apply(CaptionAccepted e)
    {
        AcceptedRevisionId = e.RevisionId;
        ReviewedRevisionId = e.RevisionId;
        SubmittedRevisionId = null;
        Status = CaptionStatus.Accepted;
    }

    public void Apply(CaptionRejected e)
    {
        SubmittedRevisionId = null;
        ReviewedRevisionId = e.RevisionId;
        RejectionComment = e.Comment;
        Status = CaptionStatus.Rejected;
    }
}
