using JasperFx;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Caching.Memory;
using Platform.Common;
using Platform.Studies;
using Platform.Voting;
using Platform.Web.Studies;
using Platform.Web.Voting.Slots;

namespace Platform.Web.Voting;

/// <summary>
/// The participant side of a study: sessions, handing out trials and recording answers. Nothing here serialises a
/// study: each trial's k slots are rows claimed by one atomic statement (<see cref="SlotLedger"/>) in the same
/// transaction as the session's own stream, whose expected version makes every answer land exactly once.
/// </summary>
public sealed class ParticipantSessions(IDocumentStore store, StudyPlans plans, TrialClaims claims, IMemoryCache cache, IConfiguration configuration, TimeProvider clock)
{
    /// <summary>How long a trial handed out stays the participant's: its videos' length, at most Voting:AbandonAfter.</summary>
    private TimeSpan Hold(Study study, StudyPlan plan) =>
        HoldingSlots.HoldFor(plan.LongestVideoSeconds, configuration.GetValue("Voting:AbandonAfter", TimeSpan.FromMinutes(20)), study.Settings.TrialTimeoutMinutes);

    public async Task<(Study Study, ParticipantSession Session)> GetWithStudyAsync(string token, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var participant = await ByTokenAsync(session, token, cancellationToken);
        var study = await session.LoadAsync<Study>(participant.StudyId, cancellationToken) ?? throw StudyCatalog.NotFound();
        return (study, participant);
    }

    /// <summary>The pending trial again (a reload resumes it), or a new one, or the end.</summary>
    public Task<NextTrial> NextAsync(string token, CancellationToken cancellationToken) =>
        RetryingConflictsAsync(() => TryNextAsync(token, cancellationToken));

    /// <returns>The stored judgment and whether it was recorded now (false: an identical replay).</returns>
    public Task<(JudgmentRecorded Judgment, bool Created)> RecordAsync(string token, RecordJudgment command, CancellationToken cancellationToken) =>
        RetryingConflictsAsync(() => TryRecordAsync(token, command, cancellationToken));

    /// <summary>The participant stops before the end (<see cref="ReturningStudy"/>): the trial they hold is free again at once.</summary>
    public async Task ReturnAsync(string token, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var (stream, _) = await LoadForWritingAsync(session, await IdsAsync(token, cancellationToken), cancellationToken);
        var participant = Holds(stream.Aggregate!, token);
        if (ReturningStudy.Handle(participant, clock.GetUtcNow()) is not { } returned) return;
        await session.BeginTransactionAsync(cancellationToken);
        if (participant.Pending is { IsGold: false } pending) await SlotLedger.ReleaseAsync(session, pending.TrialId, participant.Id, cancellationToken);
        stream.AppendOne(returned);
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Another request of the same session (a double click, two tabs) wrote its stream first: decide again on what it stored.</summary>
    private static async Task<T> RetryingConflictsAsync<T>(Func<Task<T>> attempt)
    {
        for (var tries = 1; ; tries++)
        {
            try
            {
                return await attempt();
            }
            catch (ConcurrencyException) when (tries < 4)
            {
            }
        }
    }

    private async Task<NextTrial> TryNextAsync(string token, CancellationToken cancellationToken)
    {
        var ids = await IdsAsync(token, cancellationToken);
        var now = clock.GetUtcNow();
        // The usual case reads and writes nothing: the trial handed out with the last answer, shown as it is.
        await using (var query = store.QuerySession())
        {
            var (shown, study) = await LoadAsync(query, ids, cancellationToken);
            if (Asking(shown, token).Completed) return Finished(study);
            var plan = await plans.GetAsync(study, cancellationToken);
            if (shown.Pending is { } recent && !HoldingSlots.NeedsRefresh(recent, now, Hold(study, plan)))
                return new NextTrial.Trial(await TrialViews.ViewAsync(query, study, shown, recent, plan, cancellationToken));
        }
        return await NextWritingAsync(token, ids, now, cancellationToken);
    }

    private async Task<NextTrial> NextWritingAsync(string token, (Guid SessionId, Guid StudyId) ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var (stream, study) = await LoadForWritingAsync(session, ids, cancellationToken);
        var participant = Asking(stream.Aggregate!, token);
        if (participant.Completed) return Finished(study);
        var settings = study.Settings;
        var plan = await plans.GetAsync(study, cancellationToken);
        var hold = Hold(study, plan);

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
            await session.SaveChangesAsync(cancellationToken);
            throw new DomainException(NotOpenMessage(study), DomainError.Conflict);
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

    private static async Task<NextTrial> NothingLeftAsync(IDocumentSession session, IEventStream<ParticipantSession> stream, Study study, DateTimeOffset now, TimeSpan hold, CancellationToken cancellationToken)
    {
        var participant = stream.Aggregate!;
        if (participant.Judgments.Count == 0)
        {
            await session.SaveChangesAsync(cancellationToken);
            // Places held by others who have not answered yet are not judgments: they come free if those people stop.
            var heldByOthers = await SlotLedger.AnyHeldAsync(session, study.Id, HoldingSlots.Cutoff(now, hold), cancellationToken);
            throw new DomainException(HoldingSlots.NothingFree(heldByOthers, hold), DomainError.Conflict)
            {
                RetryAfter = heldByOthers ? HoldingSlots.RetryNewcomer : null,
            };
        }
        stream.AppendOne(new SessionCompleted(participant.Id, study.Id, now));
        await session.SaveChangesAsync(cancellationToken);
        return Finished(study);
    }

    private async Task<(JudgmentRecorded, bool)> TryRecordAsync(string token, RecordJudgment command, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var (stream, study) = await LoadForWritingAsync(session, await IdsAsync(token, cancellationToken), cancellationToken);
        var participant = Holds(stream.Aggregate!, token);
        var now = clock.GetUtcNow();
        var outcome = RecordingJudgment.Handle(participant, study.Settings, command with { SessionId = participant.Id }, now);
        if (outcome is JudgmentOutcome.Replayed) return (outcome.Judgment, false);
        if (study.Status == StudyStatus.Closed)
            throw new DomainException("The study has closed; it takes no more answers.", DomainError.Conflict);

        var assignment = participant.Assignments.First(a => a.TrialId == command.TrialId);
        // Read before the transaction: making a study's slot rows (after a restart) waits for the rows this
        // transaction, and every other answer's, would lock — a wait on itself until the command timeout.
        var plan = await plans.GetAsync(study, cancellationToken);
        await session.BeginTransactionAsync(cancellationToken);
        if (!HoldingSlots.NeedsSlot(assignment))
            await SlotLedger.ShareStudyLockAsync(session, study.Id, cancellationToken);
        else if (!await SlotLedger.JudgeAsync(session, study.Id, command.TrialId, participant.Id, now, cancellationToken)
                 && !await SlotLedger.ClaimAsync(session, command.TrialId, participant.Id, assignment.Left.Condition, study.Settings.JudgmentsPerTrial,
                     now, HoldingSlots.Cutoff(now, Hold(study, plan)), judgedAt: now, cancellationToken))
        {
            // Another request of this session (a double click) answered it meanwhile: decide again on what it stored.
            if (await SlotLedger.JudgedByAsync(session, command.TrialId, participant.Id, cancellationToken))
                throw new ConcurrencyException("The session answered this trial meanwhile.", typeof(ParticipantSession), participant.Id);
            // An answer after a long pause counts only while the trial still has room under k.
            throw new DomainException("This trial went to someone else after a long pause; load the next trial.", DomainError.Conflict);
        }

        stream.AppendOne(outcome.Judgment);
        TrialAssigned? next = null;
        if (RecordingJudgment.Completes(participant, study.Settings))
            stream.AppendOne(new SessionCompleted(participant.Id, study.Id, now));
        else if (study.Status == StudyStatus.Open)
        {
            // The next trial goes with the answer, in the same commit: the participant asks for it at once, and that
            // request then only reads. Only the first round of claims: when it finds nothing, the request decides.
            next = await claims.ClaimAsync(session, study, participant.After(outcome.Judgment), plan, now, Hold(study, plan), firstRoundOnly: true, cancellationToken);
            if (next is not null) stream.AppendOne(next);
        }
        await session.SaveChangesAsync(cancellationToken);
        claims.Committed(study, next);
        return (outcome.Judgment, true);
    }

    /// <summary>The session and study a token names. A token never changes, so they are remembered.</summary>
    private async Task<(Guid SessionId, Guid StudyId)> IdsAsync(string token, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(TokenKey(token), out (Guid SessionId, Guid StudyId) ids)) return ids;
        await using var session = store.QuerySession();
        var found = await ByTokenAsync(session, token, cancellationToken);
        ids = (found.Id, found.StudyId);
        cache.Set(TokenKey(token), ids, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(1) });
        return ids;
    }

    /// <summary>The session (its inline snapshot, as of its last commit) and its study, in one round trip.</summary>
    private static async Task<(ParticipantSession Session, Study Study)> LoadAsync(IQuerySession session, (Guid SessionId, Guid StudyId) ids, CancellationToken cancellationToken)
    {
        var batch = session.CreateBatchQuery();
        var participant = batch.Load<ParticipantSession>(ids.SessionId);
        var study = batch.Load<Study>(ids.StudyId);
        await batch.Execute(cancellationToken);
        return (await participant ?? throw new DomainException("There is no session with this token.", DomainError.NotFound),
            await study ?? throw StudyCatalog.NotFound());
    }

    /// <summary>The session's stream (for an append at its version) and its study.</summary>
    private static async Task<(IEventStream<ParticipantSession> Stream, Study Study)> LoadForWritingAsync(IDocumentSession session, (Guid SessionId, Guid StudyId) ids,
        CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<ParticipantSession>(ids.SessionId, cancellationToken);
        var study = await session.LoadAsync<Study>(ids.StudyId, cancellationToken) ?? throw StudyCatalog.NotFound();
        return (stream, study);
    }

    private static NextTrial.Finished Finished(Study study) => new NextTrial.Finished(study.Settings.CompletionCode, study.Settings.CompletionUrl);

    private static async Task<ParticipantSession> ByTokenAsync(IQuerySession session, string token, CancellationToken cancellationToken) =>
        SessionTokens.IsWellFormed(token) && await session.Query<ParticipantSession>().FirstOrDefaultAsync(s => s.Token == token, cancellationToken) is { } found
            ? found
            : throw NoSession();

    public static object TokenKey(string token) => ("session-token", token);

    /// <summary>The session as loaded, if <paramref name="token"/> still holds it (a researcher may have released it since the token was remembered).</summary>
    private static ParticipantSession Holds(ParticipantSession session, string token) =>
        string.Equals(session.Token, token, StringComparison.Ordinal) ? session : throw NoSession();

    /// <summary>The session asking for a trial: still this token's, and not returned (a returned session takes no more).</summary>
    private static ParticipantSession Asking(ParticipantSession session, string token) =>
        Holds(session, token).Returned ? throw new DomainException(ReturningStudy.Returned, DomainError.Conflict) : session;

    private static DomainException NoSession() =>
        new("There is no session with this token (a released session's token stops working); open the study link again.", DomainError.NotFound);

    public static string NotOpenMessage(Study study) => study.Status switch
    {
        StudyStatus.Paused => "The study is paused for a moment; try again a little later.",
        StudyStatus.Closed => "The study has closed and takes no more participants.",
        _ => "The study is not open yet.",
    };
}
