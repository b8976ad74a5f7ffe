using Platform.Studies;
using Platform.Tests.Studies;
using Platform.Voting;

namespace Platform.Tests.Voting;

/// <summary>Test data: participant sessions folded from the same events the platform appends.</summary>
internal static class ASession
{
    public const string Participant = "prolific-pid-1";

    public static ParticipantSession Started() => ParticipantSession.Create(
        new SessionStarted(Guid.NewGuid(), A.StudyId, Participant, "prolific", "prolific-study", "prolific-session", "token", A.Now));

    /// <summary>Hands the session <paramref name="trialId"/> at its next position.</summary>
    public static ParticipantSession Assigned(this ParticipantSession session, Guid trialId, TrialVideo left, TrialVideo? right = null,
        bool gold = false, Choice? correct = null)
    {
        session.Apply(new TrialAssigned(session.Id, session.StudyId, trialId, "a dancer spins", "dance", session.Judgments.Count, left, right, gold, correct, A.Now));
        return session;
    }

    /// <summary>Assigns and answers <paramref name="trialId"/>.</summary>
    public static ParticipantSession Judged(this ParticipantSession session, Guid trialId, Choice choice = Choice.Left)
    {
        var left = new TrialVideo(Guid.NewGuid(), "a");
        var right = new TrialVideo(Guid.NewGuid(), "b");
        session.Assigned(trialId, left, right);
        session.Apply(new JudgmentRecorded(session.Id, session.StudyId, trialId, "a dancer spins", "dance", "a", "b", choice, 1500, false, null, Participant, A.Now));
        return session;
    }

    /// <summary>Answers <paramref name="count"/> trials outside any plan.</summary>
    public static ParticipantSession JudgedOthers(this ParticipantSession session, int count)
    {
        for (var i = 0; i < count; i++) session.Judged(Guid.NewGuid());
        return session;
    }

    public static ParticipantSession Released(this ParticipantSession session, Guid trialId)
    {
        session.Apply(new AssignmentReleased(session.Id, trialId, A.Now));
        return session;
    }

    public static ParticipantSession Completed(this ParticipantSession session)
    {
        session.Apply(new SessionCompleted(session.Id, session.StudyId, A.Now));
        return session;
    }

    /// <summary>A pairwise plan of <paramref name="prompts"/> prompts over conditions a and b.</summary>
    public static IReadOnlyList<PlannedTrial> Plan(StudySettings settings, int prompts) => TrialPlanner.Plan(A.StudyId, settings,
        Enumerable.Range(0, prompts).SelectMany(i => settings.Conditions.Select(c => A.Ready(c.Key, $"prompt {i:00}"))));
}
