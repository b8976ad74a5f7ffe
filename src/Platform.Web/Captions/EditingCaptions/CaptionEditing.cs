using Marten;
using Platform.Captions;

namespace Platform.Web.Captions;

/// <summary>An annotator's revisions of a caption, a restored older one and the submit for review.</summary>
public sealed class CaptionEditing(IDocumentStore store, CaptionDesk desk, TimeProvider clock)
{
    /// <summary>
    /// Saves a revision made on <paramref name="expectedVersion"/>; a later change by anyone else is a conflict.
    /// Without <paramref name="tags"/> the latest revision's tags stay.
    /// </summary>
    public async Task<CaptionView> ReviseAsync(Guid videoId, string text, ElementTags? tags, long expectedVersion, Guid by, CancellationToken cancellationToken)
    {
        await using (var session = store.LightweightSession())
        {
            var stream = await session.Events.FetchForWriting<SyntheticVideo>(videoId, cancellationToken);
            if (stream.Aggregate is null) throw CaptionDesk.NotFound();
            if (stream.CurrentVersion != expectedVersion) throw new CaptionConflictException(text, tags, await desk.ViewAsync(videoId, cancellationToken));
            var revised = EditingCaption.Handle(stream.Aggregate, new ReviseCaption(videoId, Guid.NewGuid(), text, tags ?? stream.Aggregate.Latest!.Tags, by), clock.GetUtcNow());
            if (revised is not null)
            {
                stream.AppendOne(revised);
                try
                {
                    await session.SaveChangesAsync(cancellationToken);
                }
                catch (JasperFx.ConcurrencyException)
                {
                    throw new CaptionConflictException(text, tags, await desk.ViewAsync(videoId, cancellationToken));
                }
            }
        }
        return await desk.ViewAsync(videoId, cancellationToken);
    }

    public Task<CaptionView> RestoreAsync(Guid videoId, Guid revisionId, Guid by, long? expectedVersion, CancellationToken cancellationToken) =>
        desk.DecideAsync(videoId, expectedVersion, video => EditingCaption.Handle(video, new RestoreRevision(videoId, Guid.NewGuid(), revisionId, by), clock.GetUtcNow()), cancellationToken);

    public Task<CaptionView> SubmitAsync(Guid videoId, Guid by, long? expectedVersion, CancellationToken cancellationToken) =>
        desk.DecideAsync(videoId, expectedVersion, video => EditingCaption.Handle(video, new SubmitCaption(videoId, by), clock.GetUtcNow()), cancellationToken);
}
