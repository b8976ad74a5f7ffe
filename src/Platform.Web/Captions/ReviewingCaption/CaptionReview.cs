using Platform.Captions;

namespace Platform.Web.Captions;

/// <summary>A reviewer's accept or reject of a submitted caption (not their own).</summary>
public sealed class CaptionReview(CaptionDesk desk, TimeProvider clock)
{
    public Task<CaptionView> AcceptAsync(Guid videoId, Guid by, long? expectedVersion, CancellationToken cancellationToken) =>
        desk.DecideAsync(videoId, expectedVersion, video => ReviewingCaption.Handle(video, new AcceptCaption(videoId, by), clock.GetUtcNow()), cancellationToken);

    public Task<CaptionView> RejectAsync(Guid videoId, string comment, Guid by, long? expectedVersion, CancellationToken cancellationToken) =>
        desk.DecideAsync(videoId, expectedVersion, video => ReviewingCaption.Handle(video, new RejectCaption(videoId, comment, by), clock.GetUtcNow()), cancellationToken);
}
