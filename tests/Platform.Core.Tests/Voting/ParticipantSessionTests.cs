using Platform.Studies;
using Platform.Voting;

namespace Platform.Tests.Voting;

public sealed class ParticipantSessionTests
{
    private static readonly TrialVideo OfA = new(Guid.NewGuid(), "a");
    private static readonly TrialVideo OfB = new(Guid.NewGuid(), "b");

    [Fact]
    public void An_answered_trial_leaves_the_assignments_but_stays_seen_and_answered()
    {
        var trial = Guid.NewGuid();

        var session = ASession.Started().Judged(trial);

        session.Assignments.Should().BeEmpty("the answer carries what results need, and the snapshot stays small");
        session.SeenTrials.Should().Equal(trial);
        session.Judgments.Select(j => j.TrialId).Should().Equal(trial);
        session.Pending.Should().BeNull();
    }

    [Fact]
    public void The_pending_trial_is_the_one_given_and_not_answered()
    {
        var (answered, waiting) = (Guid.NewGuid(), Guid.NewGuid());

        var session = ASession.Started().Judged(answered).Assigned(waiting, OfA, OfB);

        session.Pending!.TrialId.Should().Be(waiting);
    }

    [Fact]
    public void After_an_answer_is_the_state_its_append_makes_and_leaves_the_session_as_it_was()
    {
        var trial = Guid.NewGuid();
        var session = ASession.Started().Assigned(trial, OfA, OfB);
        var answer = new JudgmentRecorded(session.Id, session.StudyId, trial, "a dancer spins", "dance", "a", "b", Choice.Right, 900, false, null, ASession.Participant, session.StartedAt);

        var after = session.After(answer);

        (after.Pending, after.Judgments.Count, after.SeenTrials.Count).Should().Be((null, 1, 1));
        (session.Pending?.TrialId, session.Judgments.Count).Should().Be((trial, 0), "deciding on the state after an answer must not change the one loaded");
    }
}
