using Platform.Common;
using Platform.Studies;

namespace Platform.Voting;

/// <param name="ClientDecisionMs">The decision time the participant's page measured, kept beside the server's; never trusted.</param>
public sealed record RecordJudgment(Guid SessionId, Guid TrialId, Choice Choice, int? ClientDecisionMs = null);

public abstract record JudgmentOutcome(JudgmentRecorded Judgment)
{
    /// <summary>A new answer, to append.</summary>
    public sealed record Recorded(JudgmentRecorded Judgment) : JudgmentOutcome(Judgment);

    /// <summary>The same answer sent again: the stored one stands and nothing is appended.</summary>
    public sealed record Replayed(JudgmentRecorded Judgment) : JudgmentOutcome(Judgment);
}

public static class RecordingJudgment
{
    public const int MaxDecisionMs = 24 * 60 * 60 * 1000;

    public const string Closed = "The study has closed; it takes no more answers.";

    /// <summary>
    /// Idempotent per (session, trial): the first answer stands; a different one later is a conflict. A closed study
    /// takes no new answer (an answer it stored before it closed is still acknowledged again), except one that closed
    /// itself on meeting its goal (<paramref name="finishing"/>): an answer to a trial handed out before still counts.
    /// </summary>
    public static JudgmentOutcome Handle(ParticipantSession session, StudySettings settings, StudyStatus status, RecordJudgment command, DateTimeOffset now,
        bool finishing = false)
    {
        var earlier = session.Judgments.FirstOrDefault(j => j.TrialId == command.TrialId);
        if (earlier is not null)
        {
            return earlier.Choice == command.Choice
                ? new JudgmentOutcome.Replayed(earlier)
                : throw new DomainException(
                    $"This trial was already answered '{Choices.Name(earlier.Choice)}'; the first answer stands.", DomainError.Conflict);
        }

        if (status == StudyStatus.Closed && !finishing) throw new DomainException(Closed, DomainError.Conflict);
        if (session.Returned) throw new DomainException(ReturningStudy.Returned, DomainError.Conflict);
        var assignment = session.Assignments.FirstOrDefault(a => a.TrialId == command.TrialId)
            ?? throw new DomainException(
                "This trial is not waiting for an answer in this session (it may have gone to someone else after a long pause); load the next trial.",
                DomainError.NotFound);
        if (!Choices.Allowed(settings).Contains(command.Choice))
            throw Choices.NotAllowed(Choices.Name(command.Choice), settings);
        if (command.ClientDecisionMs is < 0 or > MaxDecisionMs)
            throw new DomainException("decisionMs must be between 0 and 86400000.", DomainError.Unprocessable);

        bool? correct = assignment.IsGold ? command.Choice == assignment.CorrectChoice : null;
        return new JudgmentOutcome.Recorded(new JudgmentRecorded(
            session.Id, session.StudyId, command.TrialId, assignment.Prompt, assignment.Task, assignment.Left.Condition, assignment.Right?.Condition,
            command.Choice, DecisionMs(assignment, now), assignment.IsGold, correct, session.ParticipantId, now, command.ClientDecisionMs));
    }

    /// <summary>
    /// The decision time as the server saw it: from the trial being handed out to the answer arriving (network and
    /// video loading included). A client cannot make a hasty answer look careful by what it sends.
    /// </summary>
    public static int DecisionMs(TrialAssigned assignment, DateTimeOffset now) =>
        (int)Math.Clamp((now - assignment.At).TotalMilliseconds, 0, MaxDecisionMs);

    /// <summary>Whether one more judgment, recorded on <paramref name="before"/>, completes the session.</summary>
    public static bool Completes(ParticipantSession before, StudySettings settings) =>
        !before.Completed && before.Judgments.Count + 1 >= settings.TrialsPerParticipant;
}
