using Marten;
using Platform.Captions;
using Platform.Common;

namespace Platform.Web.Captions;

/// <summary>Why a submit or a review would be refused now (null: it would not be).</summary>
public sealed record CaptionPermissions(string? WhyNotSubmit, string? WhyNotReview);

/// <summary>One video's caption as annotators and reviewers see it, and the steps they take on it, each an event on the video's stream.</summary>
public sealed class CaptionDesk(IDocumentStore store)
{
    public async Task<CaptionView> ViewAsync(Guid videoId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var video = await session.LoadAsync<SyntheticVideo>(videoId, cancellationToken) ?? throw NotFound();
        var events = await session.Events.FetchStreamAsync(videoId, token: cancellationToken);
        return CaptionView.From(video, [.. events.Select(e => Entry(e.Version, e.Data)).OfType<HistoryEntry>()]);
    }

    /// <summary>What <paramref name="user"/> may not do with the caption now, and why (null: they may), so the editor offers only what works.</summary>
    public async Task<CaptionPermissions> PermissionsAsync(Guid videoId, Guid user, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var video = await session.LoadAsync<SyntheticVideo>(videoId, cancellationToken) ?? throw NotFound();
        return new CaptionPermissions(EditingCaption.WhyNotSubmit(video), ReviewingCaption.WhyNot(video, user));
    }

    /// <summary>
    /// Appends what <paramref name="decide"/> makes of the video. A step may name the version it was decided on (what
    /// the user saw): a change since then is a 409, so nobody submits or accepts a text they have not read.
    /// </summary>
    public async Task<CaptionView> DecideAsync(Guid videoId, long? expectedVersion, Func<SyntheticVideo, object> decide, CancellationToken cancellationToken)
    {
        await using (var session = store.LightweightSession())
        {
            var stream = await session.Events.FetchForWriting<SyntheticVideo>(videoId, cancellationToken);
            if (stream.Aggregate is null) throw NotFound();
            if (expectedVersion is { } expected && stream.CurrentVersion != expected) throw Changed();
            stream.AppendOne(decide(stream.Aggregate));
            try
            {
                await session.SaveChangesAsync(cancellationToken);
            }
            catch (JasperFx.ConcurrencyException)
            {
                throw Changed();
            }
        }
        return await ViewAsync(videoId, cancellationToken);
    }

    private static DomainException Changed() =>
        new("Someone else changed this caption meanwhile; look at it again before you go on.", DomainError.Conflict);

    private static HistoryEntry? Entry(long version, object data) => data switch
    {
        CaptionDrafted e => new HistoryEntry(version, "drafted", e.By, e.At, e.RevisionId, null),
        CaptionRevised { RestoredFrom: { } from } e => new HistoryEntry(version, "restored", e.By, e.At, e.RevisionId, $"from revision {from}"),
        CaptionRevised e => new HistoryEntry(version, "revised", e.By, e.At, e.RevisionId, null),
        CaptionSubmitted e => new HistoryEntry(version, "submitted", e.By, e.At, e.RevisionId, null),
        CaptionAccepted e => new HistoryEntry(version, "accepted", e.By, e.At, e.RevisionId, null),
        CaptionRejected e => new HistoryEntry(version, "rejected", e.By, e.At, e.RevisionId, e.Comment),
        _ => null,
    };

    public static DomainException NotFound() => new("There is no such synthetic video.", DomainError.NotFound);
}
