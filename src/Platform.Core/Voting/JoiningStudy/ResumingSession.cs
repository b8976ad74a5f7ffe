namespace Platform.Voting;

public enum ResumeDecision
{
    /// <summary>The browser that started the session: carry on.</summary>
    Resume,
    /// <summary>A researcher released the session: this browser takes it up under a new token.</summary>
    Claim,
    /// <summary>Another browser holds the session: refused, nothing changes.</summary>
    Refuse,
}

/// <summary>What a participant id that already has a session gets when it starts again.</summary>
public static class ResumingSession
{
    public const string HeldElsewhere =
        "You have already started this study in another browser or on another device. Carry on there; if you cannot, "
        + "ask the researcher to release your session (on Prolific, send them a message), then open this link again.";

    public static ResumeDecision Decide(ParticipantSession existing, string? resumeToken) =>
        existing.Released ? ResumeDecision.Claim
        : SessionTokens.Matches(existing.Token, resumeToken) ? ResumeDecision.Resume
        : ResumeDecision.Refuse;
}
