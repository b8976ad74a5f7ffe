using Platform.Common;
using Platform.Studies;
using Platform.Tests.Studies;
using Platform.Voting;

namespace Platform.Tests.Voting;

public sealed class ReturningStudyTests
{
    [Fact]
    public void Returning_gives_the_held_trial_back_keeps_the_answers_and_takes_no_more()
    {
        var settings = A.Pairwise() with { TrialsPerParticipant = 5 };
        var plan = ASession.Plan(settings, 3);
        var session = ASession.Started().Judged(plan[0].TrialId).Assigned(plan[1].TrialId, plan[1].Videos[0], plan[1].Videos[1]);

        session.Apply(ReturningStudy.Handle(session, A.Now)!);

        (session.Returned, session.Pending, session.Judgments.Count).Should().Be((true, null, 1));
        ReturningStudy.Handle(session, A.Now).Should().BeNull("returning twice changes nothing");
        FluentActions.Invoking(() => RecordingJudgment.Handle(session, settings, StudyStatus.Open, new RecordJudgment(session.Id, plan[1].TrialId, Choice.Left), A.Now))
            .Should().Throw<DomainException>().Where(e => e.Kind == DomainError.Conflict).WithMessage("You have returned this study*");
    }

    [Fact]
    public void A_finished_session_has_nothing_to_return()
    {
        var session = ASession.Started().Completed();

        FluentActions.Invoking(() => ReturningStudy.Handle(session, A.Now)).Should().Throw<DomainException>().WithMessage("*finished*");
    }
}
