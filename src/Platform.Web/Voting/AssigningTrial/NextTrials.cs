using JasperFx.Events;
using Marten;
using Platform.Common;
using Platform.Studies;
using Platform.Voting;
using Platform.Web.Voting.Slots;

namespace Platform.Web.Voting;

public abstract record NextTrial
{
    public sealed record Trial(TrialView View) : NextTrial;
    public sealed record Finished(string CompletionCode, string? CompletionUrl) : NextTrial;

    /// <summary>The study closed (full, or closed by its researchers) before this participant judged anything.</summary>
    public sealed record Full(string Message, string? Code) : NextTrial;
}

/// <summary>Hands out the trial a participant judges now: the pending one again, a new one, or the end.</summary>
public sealed class NextTrials(IDocumentStore store, ParticipantSessions sessions, StudyPlans plans, TrialClaims claims, StudyGoals goals, TimeProvider clock)
{
    /// <summary>The pending trial again (a reload resumes it), or a new one, or the end.</summary>
    public Task<NextTrial> NextAsync(string token, CancellationToken cancellationToken) =>
        ParticipantSessions.RetryingConflictsAsync(() => TryNextAsync(token, cancellationToken));

    private async Task<NextTrial> TryNextAsync(string token, CancellationToken cancellationToken)
    {
        var ids = await sessions.IdsAsync(token, cancellationToken);
        var now = clock.GetUtcNow();
        // The usual case reads and writes nothing: the trial handed out with the last answer, shown as it is.
        await using (var query = store.QuerySession())
        {
            var (shown, study) = await ParticipantSessions.LoadAsync(query, ids, cancellationToken);
            if (ParticipantSessions.Asking(shown, token).Completed) return ParticipantSessions.Finished(study);
            var plan = await plans.GetAsync(study, cancellationToken);
            if (shown.Pending is { } recent && !HoldingSlots.NeedsRefresh(recent, now, sessions.Hold(study, plan)))
                return new NextTrial.Trial(await TrialViews.ViewAsync(query, study, shown, recent, plan, cancellationToken));
        }
        return await NextWritingAsync(token, ids, now, cancellationToken);
    }

    private async Task<NextTrial> NextWritingAsync(string token, (Guid SessionId, Guid StudyId) ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var (stream, study) = await ParticipantSessions.LoadForWritingAsync(session, ids, cancellationToken);
        var participant = ParticipantSessions.Asking(stream.Aggregate!, token);
        if (participant.Completed) return ParticipantSessions.Finished(study);
        var settings = study.Settings;
        var plan = await plans.GetAsync(study, cancellationToken);
        var hold = sessions.Hold(study, plan);

        if (participant.Pending is { } pending)
        {
            var held = pending.IsGold || await SlotLedger.RefreshAsync(session, pending.TrialId, participant.Id, now, cancellationToken);
            // Left too long and its slot taken: another free slot of the same trial will do (outside a transaction:
            // nothing is appended), else the trial goes and the participant gets another.
            if (HoldingSlots.Resume(pending, held) == PendingDecision.Keep
                || await SlotLedger.ClaimAsync(session, pending.TrialId, participant.Id, pending.Left.Condition, settings.JudgmentsPerTrial, now,
                    HoldingSlots.Cutoff(now, hold), null, cancellationToken))
                return new NextTrial.Trial(await TrialViews.ViewAsync(session, study, participant, pending, plan, cancellationToken));
            stream.AppendOne(new AssignmentReleased(participant.Id, pending.TrialId, now));
        }

        if (study.Status != StudyStatus.Open)
        {
            // A study that met its goal pays for the work done: the session completes with the completion code.
            var finishing = study.StoppedBy is not null && participant.Judgments.Count > 0;
            if (finishing) stream.AppendOne(new SessionCompleted(participant.Id, study.Id, now));
            await session.SaveChangesAsync(cancellationToken);
            if (finishing) return ParticipantSessions.Finished(study);
            if (study.Status == StudyStatus.Closed && participant.Judgments.Count == 0) return ParticipantSessions.Full(study);
            throw ParticipantSessions.NotOpen(study);
        }
        await session.BeginTransactionAsync(cancellationToken);
        if (await claims.ClaimAsync(session, study, participant, plan, now, hold, firstRoundOnly: false, cancellationToken) is not { } assigned)
            return await NothingLeftAsync(session, stream, study, now, hold, cancellationToken);
        // The aggregate is left as loaded: Marten folds the appended events into it for the inline snapshot.
        stream.AppendOne(assigned);
        await session.SaveChangesAsync(cancellationToken);
        claims.Committed(study, assigned);
        return new NextTrial.Trial(await TrialViews.ViewAsync(session, study, participant, assigned, plan, cancellationToken));
    }

    private async Task<NextTrial> NothingLeftAsync(IDocumentSession session, IEventStream<ParticipantSession> stream, Study study, DateTimeOffset now, TimeSpan hold, CancellationToken cancellationToken)
    {
        var participant = stream.Aggregate!;
        // An adaptive study whose open units ran out of trials may just have met its goal: close it without waiting for the check after the next answer.
        goals.CheckSoon(study);
        if (participant.Judgments.Count == 0)
        {
            await session.SaveChangesAsync(cancellationToken);
            // Places held by others who have not answered yet are not judgments: they come free if those people stop.
            var heldByOthers = await SlotLedger.AnyHeldAsync(session, study.Id, HoldingSlots.Cutoff(now, hold), cancellationToken);
            // Nothing held either: the study is full (every trial judged, or an adaptive study's open units out of trials), with the researchers' code.
            if (!heldByOthers) return ParticipantSessions.Full(study);
            throw new DomainException(HoldingSlots.AllHeld(hold), DomainError.Conflict) { RetryAfter = HoldingSlots.RetryNewcomer };
        }
        stream.AppendOne(new SessionCompleted(participant.Id, study.Id, now));
        await session.SaveChangesAsync(cancellationToken);
        return ParticipantSessions.Finished(study);
    }
}
