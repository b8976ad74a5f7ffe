using Platform.Common;
using Platform.Studies;
using Platform.Tests.Studies;
using Platform.Voting;

namespace Platform.Tests.Voting;

public sealed class RecordingJudgmentTests
{
    private static readonly StudySettings Settings = A.Pairwise() with { TrialsPerParticipant = 3 };
    private static readonly TrialVideo OfA = new(Guid.NewGuid(), "a");
    private static readonly TrialVideo OfB = new(Guid.NewGuid(), "b");
    private static readonly Guid Trial = Guid.NewGuid();

    /// <summary>The answer arrives 3 s after the trial was handed out; the page says it took <paramref name="decisionMs"/>.</summary>
    private static JudgmentOutcome Record(ParticipantSession session, Choice choice, int decisionMs = 2400, StudySettings? settings = null) =>
        RecordingJudgment.Handle(session, settings ?? Settings, StudyStatus.Open, new RecordJudgment(session.Id, Trial, choice, decisionMs), Answered);

    private static readonly DateTimeOffset Answered = A.Now.AddSeconds(3);

    [Fact]
    public void A_new_answer_is_recorded_with_the_conditions_on_each_side()
    {
        var session = ASession.Started().Assigned(Trial, left: OfB, right: OfA);

        var outcome = Record(session, Choice.Left);

        outcome.Should().Be(new JudgmentOutcome.Recorded(new JudgmentRecorded(
            session.Id, A.StudyId, Trial, "a dancer spins", "dance", "b", "a", Choice.Left, 3000, false, null, ASession.Participant, Answered, 2400)));
    }

    [Theory]
    [InlineData(20)]
    [InlineData(60_000)]
    [InlineData(null)]
    public void The_decision_time_is_the_servers_from_hand_out_to_answer_whatever_the_page_says(int? pageSays)
    {
        var session = ASession.Started().Assigned(Trial, OfA, OfB);

        var judgment = RecordingJudgment.Handle(session, Settings, StudyStatus.Open, new RecordJudgment(session.Id, Trial, Choice.Left, pageSays), A.Now.AddMilliseconds(350)).Judgment;

        (judgment.DecisionMs, judgment.ClientDecisionMs).Should().Be((350, pageSays), "the page's figure is kept beside the server's, never in its place");
    }

    [Fact]
    public void An_answer_after_more_than_a_day_counts_a_day()
    {
        var session = ASession.Started().Assigned(Trial, OfA, OfB);

        RecordingJudgment.Handle(session, Settings, StudyStatus.Open, new RecordJudgment(session.Id, Trial, Choice.Left), A.Now.AddDays(3)).Judgment.DecisionMs
            .Should().Be(RecordingJudgment.MaxDecisionMs);
    }

    [Fact]
    public void The_same_answer_again_replays_the_stored_judgment()
    {
        var session = ASession.Started().Assigned(Trial, OfA, OfB);
        var first = Record(session, Choice.Same).Judgment;
        session.Apply(first);

        var again = RecordingJudgment.Handle(session, Settings, StudyStatus.Open, new RecordJudgment(session.Id, Trial, Choice.Same, 99), A.Now.AddSeconds(5));

        again.Should().BeOfType<JudgmentOutcome.Replayed>().Which.Judgment.Should().BeSameAs(first);
    }

    [Fact]
    public void A_closed_study_takes_no_new_answer_but_acknowledges_one_stored_before_it_closed()
    {
        var unanswered = Guid.NewGuid();
        var session = ASession.Started().Assigned(Trial, OfA, OfB).Assigned(unanswered, OfB, OfA);
        var stored = Record(session, Choice.Left).Judgment;
        session.Apply(stored);

        var replay = RecordingJudgment.Handle(session, Settings, StudyStatus.Closed, new RecordJudgment(session.Id, Trial, Choice.Left), Answered);
        var late = () => RecordingJudgment.Handle(session, Settings, StudyStatus.Closed, new RecordJudgment(session.Id, unanswered, Choice.Right), Answered);

        replay.Should().BeOfType<JudgmentOutcome.Replayed>().Which.Judgment.Should().BeSameAs(stored);
        late.Should().Throw<DomainException>().Where(e => e.Kind == DomainError.Conflict).WithMessage(RecordingJudgment.Closed);
    }

    [Fact]
    public void A_different_answer_later_is_a_conflict_and_the_first_stands()
    {
        var session = ASession.Started().Assigned(Trial, OfA, OfB);
        session.Apply(Record(session, Choice.Right).Judgment);

        var act = () => Record(session, Choice.Left);

        act.Should().Throw<DomainException>().Where(e => e.Kind == DomainError.Conflict).WithMessage("*already answered 'right'*");
    }

    [Fact]
    public void A_trial_not_assigned_to_the_session_is_not_found()
    {
        var never = ASession.Started();
        var released = ASession.Started().Assigned(Trial, OfA, OfB).Released(Trial);

        var unassigned = () => Record(never, Choice.Left);
        var gone = () => Record(released, Choice.Left);

        unassigned.Should().Throw<DomainException>().Where(e => e.Kind == DomainError.NotFound);
        gone.Should().Throw<DomainException>().Where(e => e.Kind == DomainError.NotFound).WithMessage("*load the next trial*");
    }

    [Theory]
    [InlineData(StudyKind.Pairwise, PairwiseScale.TwoWay, Choice.Same, "*'same'*use left, right.")]
    [InlineData(StudyKind.Pairwise, PairwiseScale.ThreeWay, Choice.Success, "*'success'*use left, same, right.")]
    [InlineData(StudyKind.Rating, PairwiseScale.ThreeWay, Choice.Left, "*'left'*use success, failure.")]
    public void An_answer_outside_the_scale_is_unprocessable(StudyKind kind, PairwiseScale scale, Choice choice, string message)
    {
        var settings = (kind == StudyKind.Rating ? A.Rating() : A.Pairwise()) with { Scale = scale };
        var session = ASession.Started().Assigned(Trial, OfA, kind == StudyKind.Rating ? null : OfB);

        var act = () => Record(session, choice, settings: settings);

        act.Should().Throw<DomainException>().Where(e => e.Kind == DomainError.Unprocessable).WithMessage(message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(RecordingJudgment.MaxDecisionMs + 1)]
    public void A_decision_time_out_of_range_is_unprocessable(int decisionMs)
    {
        var act = () => Record(ASession.Started().Assigned(Trial, OfA, OfB), Choice.Left, decisionMs);

        act.Should().Throw<DomainException>().Where(e => e.Kind == DomainError.Unprocessable).WithMessage("decisionMs must be between*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(RecordingJudgment.MaxDecisionMs)]
    public void Decision_times_at_the_limits_are_accepted(int decisionMs)
    {
        Record(ASession.Started().Assigned(Trial, OfA, OfB), Choice.Left, decisionMs).Judgment.ClientDecisionMs.Should().Be(decisionMs);
    }

    [Theory]
    [InlineData(Choice.Right, true)]
    [InlineData(Choice.Left, false)]
    [InlineData(Choice.Same, false)]
    public void A_gold_answer_is_marked_correct_only_when_it_names_the_clean_video(Choice choice, bool correct)
    {
        var degraded = new TrialVideo(OfA.VideoId, AssigningTrial.DegradedCondition);
        var session = ASession.Started().Assigned(Trial, degraded, OfA, gold: true, correct: Choice.Right);

        var judgment = Record(session, choice).Judgment;

        judgment.IsGold.Should().BeTrue();
        judgment.Correct.Should().Be(correct);
        judgment.LeftCondition.Should().Be(AssigningTrial.DegradedCondition);
    }

    [Fact]
    public void A_rating_gold_answer_is_correct_when_it_calls_the_frozen_copy_a_failure()
    {
        var session = ASession.Started().Assigned(Trial, new TrialVideo(OfA.VideoId, AssigningTrial.DegradedCondition), gold: true, correct: Choice.Failure);

        var judgment = Record(session, Choice.Failure, settings: A.Rating()).Judgment;

        judgment.Correct.Should().BeTrue();
        judgment.RightCondition.Should().BeNull();
    }

    [Fact]
    public void The_judgment_that_reaches_the_trials_per_participant_completes_the_session()
    {
        RecordingJudgment.Completes(ASession.Started().JudgedOthers(2), Settings).Should().BeTrue();
        RecordingJudgment.Completes(ASession.Started().JudgedOthers(1), Settings).Should().BeFalse();
        RecordingJudgment.Completes(ASession.Started().JudgedOthers(2).Completed(), Settings).Should().BeFalse();
    }
}
