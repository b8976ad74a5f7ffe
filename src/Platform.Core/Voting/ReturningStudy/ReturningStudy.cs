using Platform.Common;

namespace Platform.Voting;

/// <summary>
/// A participant who stops before the end returns the study, as on Prolific: the trial they hold goes back to the
/// pool at once (not after the hold runs out), the answers they gave stay, and they get no completion code.
/// </summary>
public static class ReturningStudy
{
    public const string Returned =
        "You have returned this study, so it takes no more answers from you and gives no completion code. "
        + "On Prolific, also press \"Return\" on the study's page there. You can close this page.";

    /// <returns>The event to append; null when the session has returned already (returning twice changes nothing).</returns>
    public static SessionReturned? Handle(ParticipantSession session, DateTimeOffset now) =>
        session.Returned ? null
        : session.Completed ? throw new DomainException("You have finished this study; there is nothing to return.", DomainError.Conflict)
        : new SessionReturned(session.Id, session.StudyId, now);
}
