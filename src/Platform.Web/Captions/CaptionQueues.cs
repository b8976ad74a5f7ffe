using Marten;
using Platform.Accounts;
using Platform.Captions;

namespace Platform.Web.Captions;

/// <summary>Where each person's caption work comes from: an annotator's queue, and reviewers' queue.</summary>
public sealed class CaptionQueues(IDocumentStore store)
{
    /// <summary>
    /// The annotator's next caption after <paramref name="after"/>: first their rejected ones (with a comment to act on),
    /// then ones they started, then drafts nobody has touched, oldest first.
    /// </summary>
    public async Task<Guid?> NextForAnnotatorAsync(Guid annotator, Guid? after, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var open = await session.Query<SyntheticVideo>()
            .Where(v => (v.Annotator == annotator && (v.Status == CaptionStatus.Rejected || v.Status == CaptionStatus.InProgress)) || v.Status == CaptionStatus.Drafted)
            .OrderBy(v => v.ImportedAt).ToListAsync(cancellationToken);
        return open.Where(v => v.Id != after)
            .OrderBy(v => v.Status switch { CaptionStatus.Rejected => 0, CaptionStatus.InProgress => 1, _ => 2 })
            .Select(v => (Guid?)v.Id).FirstOrDefault();
    }

    /// <summary>Submitted revisions this reviewer may review (not their own), oldest submission first.</summary>
    public async Task<IReadOnlyList<VideoSummary>> ForReviewerAsync(Guid reviewer, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var submitted = await session.Query<SyntheticVideo>().Where(v => v.Status == CaptionStatus.Submitted).OrderBy(v => v.ImportedAt).ToListAsync(cancellationToken);
        return [.. submitted.Where(v => v.Submitted!.Author != reviewer).Select(CatalogSearch.Summary)];
    }

    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var accounts = await session.Query<UserAccount>().ToListAsync(cancellationToken);
        return accounts.ToDictionary(a => a.Id, a => a.DisplayName.Length > 0 ? a.DisplayName : a.Email);
    }
}
