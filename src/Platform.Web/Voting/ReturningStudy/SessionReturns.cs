using Marten;
using Platform.Voting;
using Platform.Web.Voting.Slots;

namespace Platform.Web.Voting;

public sealed class SessionReturns(IDocumentStore store, ParticipantSessions sessions, TimeProvider clock)
{
    /// <summary>The participant stops before the end (<see cref="ReturningStudy"/>): the trial they hold is free again at once.</summary>
    public async Task ReturnAsync(string token, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var (stream, _) = await ParticipantSessions.LoadForWritingAsync(session, await sessions.IdsAsync(token, cancellationToken), cancellationToken);
        var participant = ParticipantSessions.Holds(stream.Aggregate!, token);
        if (ReturningStudy.Handle(participant, clock.GetUtcNow()) is not { } returned) return;
        await session.BeginTransactionAsync(cancellationToken);
        if (participant.Pending is { IsGold: false } pending) await SlotLedger.ReleaseAsync(session, pending.TrialId, participant.Id, cancellationToken);
        stream.AppendOne(returned);
        await session.SaveChangesAsync(cancellationToken);
    }
}
