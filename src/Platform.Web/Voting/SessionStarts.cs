using JasperFx;
using Marten;
using Microsoft.Extensions.Caching.Memory;
using Platform.Common;
using Platform.Studies;
using Platform.Voting;
using Platform.Web.Studies;

namespace Platform.Web.Voting;

/// <summary>
/// Starting a session, resuming it from the browser that holds its token (<see cref="ResumingSession"/>), and a
/// researcher releasing it when the participant has to move to another browser.
/// </summary>
public sealed class SessionStarts(IDocumentStore store, IMemoryCache cache, TimeProvider clock)
{
    /// <param name="resumeToken">The token this browser was given when it started, if it was.</param>
    /// <returns>The session and whether it was created now (false: resumed, or taken up after a release).</returns>
    public async Task<(ParticipantSession Session, bool Created)> StartAsync(Guid studyId, Participant participant, string? resumeToken, CancellationToken cancellationToken)
    {
        if ((ParticipantIds.Problem(participant.ParticipantId)
             ?? ParticipantIds.ExternalProblem(participant.ExternalStudyId) ?? ParticipantIds.ExternalProblem(participant.ExternalSessionId)) is { } problem)
            throw new DomainException(problem, DomainError.Unprocessable);
        var id = participant.ParticipantId.Trim();
        for (var tries = 1; ; tries++)
        {
            try
            {
                return await TryStartAsync(studyId, participant with { ParticipantId = id }, resumeToken, cancellationToken);
            }
            // Two browsers took up a released session at once: the first has it, the other decides again (and is refused).
            catch (ConcurrencyException) when (tries < 3)
            {
            }
        }
    }

    private async Task<(ParticipantSession, bool)> TryStartAsync(Guid studyId, Participant participant, string? resumeToken, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        if (await FindAsync(session, studyId, participant.ParticipantId, cancellationToken) is { } existing)
            return (await ResumeAsync(session, existing, resumeToken, cancellationToken), false);

        var study = await session.LoadAsync<Study>(studyId, cancellationToken) ?? throw StudyCatalog.NotFound();
        if (study.Status != StudyStatus.Open)
            throw ParticipantSessions.NotOpen(study);
        var started = new SessionStarted(Guid.NewGuid(), studyId, participant.ParticipantId, participant.Source == "prolific" ? "prolific" : "direct",
            participant.ExternalStudyId, participant.ExternalSessionId, SessionTokens.New(), clock.GetUtcNow());
        session.Events.StartStream<ParticipantSession>(started.SessionId, started);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            return (ParticipantSession.Create(started), true);
        }
        catch (DocumentAlreadyExistsException)
        {
            // The same participant id started twice at once: the session stored first belongs to its browser alone.
            await using var again = store.LightweightSession();
            var first = await FindAsync(again, studyId, participant.ParticipantId, cancellationToken);
            return (await ResumeAsync(again, first!, resumeToken, cancellationToken), false);
        }
    }

    private async Task<ParticipantSession> ResumeAsync(IDocumentSession session, ParticipantSession existing, string? resumeToken, CancellationToken cancellationToken)
    {
        switch (ResumingSession.Decide(existing, resumeToken))
        {
            case ResumeDecision.Resume:
                return existing;
            case ResumeDecision.Refuse:
                throw new DomainException(ResumingSession.HeldElsewhere, DomainError.Conflict);
        }
        var stream = await session.Events.FetchForWriting<ParticipantSession>(existing.Id, cancellationToken);
        if (stream.Aggregate is not { Released: true } released) throw new ConcurrencyException("Taken up meanwhile.", typeof(ParticipantSession), existing.Id);
        var claimed = new SessionClaimed(released.Id, SessionTokens.New(), clock.GetUtcNow());
        stream.AppendOne(claimed);
        await session.SaveChangesAsync(cancellationToken);
        released.Apply(claimed);
        return released;
    }

    /// <summary>
    /// Lets the session of <paramref name="participantId"/> go from the browser holding it: that browser's token stops
    /// working at once, and the next browser to open the study link with this id carries on where it stopped.
    /// </summary>
    public async Task ReleaseAsync(Guid studyId, string participantId, Guid releasedBy, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var found = await FindAsync(session, studyId, (participantId ?? string.Empty).Trim(), cancellationToken)
            ?? throw new DomainException("No participant with this id has started this study.", DomainError.NotFound);
        if (found.Released) return;
        var stream = await session.Events.FetchForWriting<ParticipantSession>(found.Id, cancellationToken);
        stream.AppendOne(new SessionReleased(found.Id, studyId, releasedBy, clock.GetUtcNow()));
        await session.SaveChangesAsync(cancellationToken);
        cache.Remove(ParticipantSessions.TokenKey(found.Token));
    }

    /// <summary>The participant's session of this study, if they have started one.</summary>
    public async Task<ParticipantSession?> FindAsync(Guid studyId, string participantId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await FindAsync(session, studyId, participantId.Trim(), cancellationToken);
    }

    private static async Task<ParticipantSession?> FindAsync(IQuerySession session, Guid studyId, string participantId, CancellationToken cancellationToken) =>
        await session.Query<ParticipantSession>().FirstOrDefaultAsync(s => s.StudyId == studyId && s.ParticipantId == participantId, cancellationToken);
}
