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
/// What the participant's use cases share: a session found by its token, loaded with its study for reading or writing.
/// Nothing here serialises a study: each trial's k slots are rows claimed by one atomic statement (<see cref="SlotLedger"/>)
/// in the same transaction as the session's own stream, whose expected version makes every answer land exactly once.
/// </summary>
public sealed class ParticipantSessions(IDocumentStore store, IMemoryCache cache, IConfiguration configuration)
{
    /// <summary>How long a trial handed out stays the participant's: its videos' length, at most Voting:AbandonAfter.</summary>
    public TimeSpan Hold(Study study, StudyPlan plan) =>
        HoldingSlots.HoldFor(plan.LongestVideoSeconds, configuration.GetValue("Voting:AbandonAfter", TimeSpan.FromMinutes(20)), study.Settings.TrialTimeoutMinutes);

    public async Task<(Study Study, ParticipantSession Session)> GetWithStudyAsync(string token, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var participant = await ByTokenAsync(session, token, cancellationToken);
        var study = await session.LoadAsync<Study>(participant.StudyId, cancellationToken) ?? throw StudyCatalog.NotFound();
        return (study, participant);
    }

    /// <summary>Another request of the same session (a double click, two tabs) wrote its stream first: decide again on what it stored.</summary>
    public static async Task<T> RetryingConflictsAsync<T>(Func<Task<T>> attempt)
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

    /// <summary>The session and study a token names. A token never changes, so they are remembered.</summary>
    public async Task<(Guid SessionId, Guid StudyId)> IdsAsync(string token, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(TokenKey(token), out (Guid SessionId, Guid StudyId) ids)) return ids;
        await using var session = store.QuerySession();
        var found = await ByTokenAsync(session, token, cancellationToken);
        ids = (found.Id, found.StudyId);
        cache.Set(TokenKey(token), ids, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(1) });
        return ids;
    }

    /// <summary>The session (its inline snapshot, as of its last commit) and its study, in one round trip.</summary>
    public static async Task<(ParticipantSession Session, Study Study)> LoadAsync(IQuerySession session, (Guid SessionId, Guid StudyId) ids, CancellationToken cancellationToken)
    {
        var batch = session.CreateBatchQuery();
        var participant = batch.Load<ParticipantSession>(ids.SessionId);
        var study = batch.Load<Study>(ids.StudyId);
        await batch.Execute(cancellationToken);
        return (await participant ?? throw new DomainException("There is no session with this token.", DomainError.NotFound),
            await study ?? throw StudyCatalog.NotFound());
    }

    /// <summary>The session's stream (for an append at its version) and its study.</summary>
    public static async Task<(IEventStream<ParticipantSession> Stream, Study Study)> LoadForWritingAsync(IDocumentSession session, (Guid SessionId, Guid StudyId) ids,
        CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<ParticipantSession>(ids.SessionId, cancellationToken);
        var study = await session.LoadAsync<Study>(ids.StudyId, cancellationToken) ?? throw StudyCatalog.NotFound();
        return (stream, study);
    }

    public static NextTrial.Finished Finished(Study study) => new NextTrial.Finished(study.Settings.CompletionCode, study.Settings.CompletionUrl);

    private static async Task<ParticipantSession> ByTokenAsync(IQuerySession session, string token, CancellationToken cancellationToken) =>
        SessionTokens.IsWellFormed(token) && await session.Query<ParticipantSession>().FirstOrDefaultAsync(s => s.Token == token, cancellationToken) is { } found
            ? found
            : throw NoSession();

    public static object TokenKey(string token) => ("session-token", token);

    /// <summary>The session as loaded, if <paramref name="token"/> still holds it (a researcher may have released it since the token was remembered).</summary>
    public static ParticipantSession Holds(ParticipantSession session, string token) =>
        string.Equals(session.Token, token, StringComparison.Ordinal) ? session : throw NoSession();

    /// <summary>The session asking for a trial: still this token's, and not returned (a returned session takes no more).</summary>
    public static ParticipantSession Asking(ParticipantSession session, string token) =>
        Holds(session, token).Returned ? throw new DomainException(ReturningStudy.Returned, DomainError.Conflict) : session;

    private static DomainException NoSession() =>
        new("There is no session with this token (a released session's token stops working); open the study link again.", DomainError.NotFound);

    public static string NotOpenMessage(Study study) => study.Status switch
    {
        StudyStatus.Paused => "The study is paused for a moment; try again a little later.",
        StudyStatus.Closed => FullMessage(study),
        _ => "The study is not open yet.",
    };

    /// <summary>What a participant arriving at a closed study is told, with the code its researchers chose for them, if any.</summary>
    public static string FullMessage(Study study) =>
        (study.Status == StudyStatus.Closed && study.StoppedBy is null ? "This study has closed and takes no more participants. " : "This study is full: it has all the answers it needs. ") +
        (study.Settings.FullStudyCode is { } code
            ? $"Thank you for coming: enter the code {code} on Prolific to be paid for your time."
            : "Please return your submission on Prolific, so it does not count as taken; you lose nothing by it.");

    public static NextTrial.Full Full(Study study) => new(FullMessage(study), study.Settings.FullStudyCode);

    /// <summary>The 409 for a participant the study cannot take: the message, and the researchers' code as <c>fullStudyCode</c> when there is one for them.</summary>
    public static DomainException Refused(string message, string? fullStudyCode) => new(message, DomainError.Conflict)
    {
        Extensions = fullStudyCode is null ? new Dictionary<string, object>() : new Dictionary<string, object> { ["fullStudyCode"] = fullStudyCode },
    };

    /// <summary>The 409 for a study that is not open: paused, not yet open, or closed (then with the researchers' code).</summary>
    public static DomainException NotOpen(Study study) => Refused(NotOpenMessage(study), study.Status == StudyStatus.Closed ? study.Settings.FullStudyCode : null);
}
