using Platform.Studies;

namespace Platform.Voting;

/// <param name="Source">Where the participant came from: "prolific" or "direct".</param>
public sealed record SessionStarted(Guid SessionId, Guid StudyId, string ParticipantId, string Source, string? ExternalStudyId, string? ExternalSessionId, string Token, DateTimeOffset At);

/// <summary>A trial handed to a session, with the side each video is on; gold trials carry their right answer.</summary>
public sealed record TrialAssigned(Guid SessionId, Guid StudyId, Guid TrialId, string Prompt, string Task, int Position, TrialVideo Left, TrialVideo? Right, bool IsGold, Choice? CorrectChoice, DateTimeOffset At);

/// <summary>An assignment left unanswered too long went back to the pool.</summary>
public sealed record AssignmentReleased(Guid SessionId, Guid TrialId, DateTimeOffset At);

public sealed record JudgmentRecorded(Guid SessionId, Guid StudyId, Guid TrialId, string Prompt, string Task, string LeftCondition, string? RightCondition, Choice Choice, int DecisionMs, bool IsGold, bool? Correct, string ParticipantId, DateTimeOffset At,
    int? ClientDecisionMs = null);

public sealed record SessionCompleted(Guid SessionId, Guid StudyId, DateTimeOffset At);

/// <summary>The participant stopped before the end (Prolific's "return"): their unanswered trial goes back at once, their answers stay.</summary>
public sealed record SessionReturned(Guid SessionId, Guid StudyId, DateTimeOffset At);

/// <summary>A researcher let the session go from the browser that started it (the participant moved device): its token stops working.</summary>
public sealed record SessionReleased(Guid SessionId, Guid StudyId, Guid ReleasedBy, DateTimeOffset At);

/// <summary>A released session was taken up again by the participant id's next browser, under a new token.</summary>
public sealed record SessionClaimed(Guid SessionId, string Token, DateTimeOffset At);

/// <summary>One participant's pass through one study: its own stream, so participants never contend.</summary>
public sealed class ParticipantSession
{
    public Guid Id { get; set; }
    public Guid StudyId { get; set; }
    public string ParticipantId { get; set; } = string.Empty;
    public string Source { get; set; } = string.Empty;
    public string Token { get; set; } = string.Empty;
    public DateTimeOffset StartedAt { get; set; }
    /// <summary>Trials given and not answered (answered ones are dropped; snapshots stored before that may still hold them).</summary>
    public List<TrialAssigned> Assignments { get; set; } = [];
    public List<Guid> SeenTrials { get; set; } = [];
    public List<JudgmentRecorded> Judgments { get; set; } = [];
    public bool Completed { get; set; }
    /// <summary>Released by a researcher and not yet taken up again: the next browser with the participant id gets it.</summary>
    public bool Released { get; set; }
    /// <summary>The participant stopped and gave their place back: no more trials, no completion code.</summary>
    public bool Returned { get; set; }
    public int Version { get; set; }

    /// <summary>The trial given and not yet answered, if any.</summary>
    public TrialAssigned? Pending => Assignments.FirstOrDefault(a => Judgments.All(j => j.TrialId != a.TrialId));

    public static ParticipantSession Create(SessionStarted e) => new()
    {
        Id = e.SessionId,
        StudyId = e.StudyId,
        ParticipantId = e.ParticipantId,
        Source = e.Source,
        Token = e.Token,
        StartedAt = e.At,
    };

    /// <summary>A copy with the answer applied: the state an append of it makes, to decide on before it is stored.</summary>
    public ParticipantSession After(JudgmentRecorded e)
    {
        var copy = (ParticipantSession)MemberwiseClone();
        copy.Assignments = [.. Assignments];
        copy.SeenTrials = [.. SeenTrials];
        copy.Judgments = [.. Judgments];
        copy.Apply(e);
        return copy;
    }

    public void Apply(TrialAssigned e)
    {
        Assignments.Add(e);
        SeenTrials.Add(e.TrialId);
    }

    public void Apply(AssignmentReleased e) => Assignments.RemoveAll(a => a.TrialId == e.TrialId);

    /// <summary>
    /// The answer is kept and its assignment dropped: the answer carries what results need, and the snapshot, rewritten
    /// by every answer, stays half the size.
    /// </summary>
    public void Apply(JudgmentRecorded e)
    {
        Judgments.Add(e);
        Assignments.RemoveAll(a => a.TrialId == e.TrialId);
    }

    public void Apply(SessionCompleted _) => Completed = true;

    public void Apply(SessionReturned _)
    {
        Returned = true;
        Assignments.Clear();
    }

    /// <summary>
    /// The old token is replaced by one no browser holds (tokens are unique, and a released token must name nothing);
    /// <see cref="SessionTokens.IsWellFormed"/> refuses it at the door.
    /// </summary>
    public void Apply(SessionReleased e)
    {
        Released = true;
        Token = SessionTokens.ReleasedMarker(e.SessionId);
    }

    public void Apply(SessionClaimed e)
    {
        Released = false;
        Token = e.Token;
    }
}
