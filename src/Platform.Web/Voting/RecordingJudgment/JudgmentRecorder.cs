using JasperFx;
using Marten;
using Platform.Common;
using Platform.Studies;
using Platform.Voting;
using Platform.Web.Voting.Slots;

namespace Platform.Web.Voting;

/// <summary>Records a participant's answer, exactly once, and hands out the next trial in the same commit.</summary>
public sealed class JudgmentRecorder(IDocumentStore store, ParticipantSessions sessions, StudyPlans plans, TrialClaims claims, StudyGoals goals, TimeProvider clock)
{
    /// <returns>The stored judgment and whether it was recorded now (false: an identical replay).</returns>
    public Task<(JudgmentRecorded Judgment, bool Created)> RecordAsync(string token, RecordJudgment command, CancellationToken cancellationToken) =>
        ParticipantSessions.RetryingConflictsAsync(() => TryRecordAsync(token, command, cancellationToken));

    private async Task<(JudgmentRecorded, bool)> TryRecordAsync(string token, RecordJudgment command, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var (stream, study) = await ParticipantSessions.LoadForWritingAsync(session, await sessions.IdsAsync(token, cancellationToken), cancellationToken);
        var participant = ParticipantSessions.Holds(stream.Aggregate!, token);
        var now = clock.GetUtcNow();
        var outcome = RecordingJudgment.Handle(participant, study.Settings, study.Status, command with { SessionId = participant.Id }, now, finishing: study.StoppedBy is not null);
        if (outcome is JudgmentOutcome.Replayed) return (outcome.Judgment, false);

        // Read before the transaction: making a study's slot rows (after a restart) waits for the rows this
        // transaction, and every other answer's, would lock — a wait on itself until the command timeout.
        var plan = await plans.GetAsync(study, cancellationToken);
        await session.BeginTransactionAsync(cancellationToken);
        await TakeSlotAsync(session, study, participant, command.TrialId, now, sessions.Hold(study, plan), cancellationToken);

        stream.AppendOne(outcome.Judgment);
        TrialAssigned? next = null;
        if (RecordingJudgment.Completes(participant, study.Settings))
            stream.AppendOne(new SessionCompleted(participant.Id, study.Id, now));
        else if (study.Status == StudyStatus.Open)
        {
            // The next trial goes with the answer, in the same commit: the participant asks for it at once, and that
            // request then only reads. Only the first round of claims: when it finds nothing, the request decides.
            next = await claims.ClaimAsync(session, study, participant.After(outcome.Judgment), plan, now, sessions.Hold(study, plan), firstRoundOnly: true, cancellationToken);
            if (next is not null) stream.AppendOne(next);
        }
        await session.SaveChangesAsync(cancellationToken);
        claims.Committed(study, next);
        // An adaptive study closes itself the moment its goal is met: checked after the answer, not before it is acknowledged.
        goals.CheckSoon(study);
        return (outcome.Judgment, true);
    }

    /// <summary>The answer's place among the trial's k slots, or a shared lock on the study for a trial that needs none.</summary>
    private static async Task TakeSlotAsync(IDocumentSession session, Study study, ParticipantSession participant, Guid trialId, DateTimeOffset now, TimeSpan hold,
        CancellationToken cancellationToken)
    {
        var assignment = participant.Assignments.First(a => a.TrialId == trialId);
        if (!HoldingSlots.NeedsSlot(assignment))
            await SlotLedger.ShareStudyLockAsync(session, study.Id, cancellationToken);
        else if (!await SlotLedger.JudgeAsync(session, study.Id, trialId, participant.Id, now, cancellationToken)
                 && !await SlotLedger.ClaimAsync(session, trialId, participant.Id, assignment.Left.Condition, study.Settings.JudgmentsPerTrial,
                     now, HoldingSlots.Cutoff(now, hold), judgedAt: now, cancellationToken))
        {
            // Another request of this session (a double click) answered it meanwhile: decide again on what it stored.
            if (await SlotLedger.JudgedByAsync(session, trialId, participant.Id, cancellationToken))
                throw new ConcurrencyException("The session answered this trial meanwhile.", typeof(ParticipantSession), participant.Id);
            // An answer after a long pause counts only while the trial still has room under k.
            throw new DomainException("This trial went to someone else after a long pause; load the next trial.", DomainError.Conflict);
        }
    }
}
