using Marten;
using Platform.Captions;

namespace Platform.Web.Captions;

public sealed record AnnotatorView(Guid Annotator, string Name, int Submitted, int Accepted, int Rejected, int Waiting, Platform.Results.Proportion AcceptanceRate, int SubmittedLastWeek);

/// <summary>Per-annotator acceptance rate and throughput, from the caption events of every video.</summary>
public sealed class AnnotatorReport(IDocumentStore store, CaptionQueues queues, TimeProvider clock)
{
    public async Task<IReadOnlyList<AnnotatorView>> ComputeAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var submitted = await session.Events.QueryRawEventDataOnly<CaptionSubmitted>().ToListAsync(cancellationToken);
        var accepted = await session.Events.QueryRawEventDataOnly<CaptionAccepted>().ToListAsync(cancellationToken);
        var rejected = await session.Events.QueryRawEventDataOnly<CaptionRejected>().ToListAsync(cancellationToken);
        var names = await queues.NamesAsync(cancellationToken);
        return [.. AnnotatorStatistics.Compute(submitted, accepted, rejected, clock.GetUtcNow()).Select(r => new AnnotatorView(
            r.Annotator, names.TryGetValue(r.Annotator, out var name) ? name : "a former account", r.Submitted, r.Accepted, r.Rejected, r.Waiting, r.AcceptanceRate, r.SubmittedLastWeek))];
    }
}
