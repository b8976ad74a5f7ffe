using Platform.Common;
using Platform.Studies;

namespace Platform.Tests.Studies;

public sealed class RunningStudyTests
{
    private static readonly Guid By = Guid.NewGuid();

    [Fact]
    public void A_draft_opens_once_a_trial_can_be_planned()
    {
        var study = A.Draft();

        var opened = RunningStudy.Handle(study, new OpenStudy(study.Id, By), plannedTrials: 1, A.Now);
        study.Apply(opened!);

        opened.Should().Be(new StudyOpened(study.Id, By, A.Now));
        study.Status.Should().Be(StudyStatus.Open);
        study.FirstOpenedAt.Should().Be(A.Now);
    }

    [Theory]
    [InlineData(40, 0.0, 40)]
    [InlineData(40, 0.1, 44)]
    [InlineData(9, 0.5, 18)]
    [InlineData(1, 0.1, 1)]
    [InlineData(2000, 0.1, DesigningStudy.MaxTrialsPerParticipant)]
    public void Trials_left_to_the_study_size_become_every_planned_trial_beside_the_gold_ones(int planned, double goldRate, int expected)
    {
        var trials = RunningStudy.TrialsWhenOpening(planned, goldRate);

        trials.Should().Be(expected);
        if (expected < DesigningStudy.MaxTrialsPerParticipant)
            (trials - GoldSchedule.Count(trials, goldRate)).Should().BeGreaterThanOrEqualTo(planned, "every planned trial has a position");
    }

    [Fact]
    public void Opening_fixes_trials_per_participant_left_to_the_study_size_and_keeps_a_number_given()
    {
        var open = A.Draft(A.Pairwise() with { TrialsPerParticipant = StudySettings.EveryTrial, GoldRate = 0.1 });
        var given = A.Draft(A.Pairwise() with { TrialsPerParticipant = 20, GoldRate = 0.1 });

        var opened = RunningStudy.Handle(open, new OpenStudy(open.Id, By), plannedTrials: 40, A.Now)!;
        open.Apply(opened);
        var openedGiven = RunningStudy.Handle(given, new OpenStudy(given.Id, By), plannedTrials: 40, A.Now)!;
        given.Apply(openedGiven);

        opened.TrialsPerParticipant.Should().Be(44);
        open.Settings.TrialsPerParticipant.Should().Be(44);
        openedGiven.TrialsPerParticipant.Should().BeNull();
        given.Settings.TrialsPerParticipant.Should().Be(20);
    }

    [Fact]
    public void A_study_left_to_its_size_does_not_open_while_videos_are_still_processing()
    {
        var open = A.Draft(A.Pairwise() with { TrialsPerParticipant = StudySettings.EveryTrial });
        var given = A.Draft(A.Pairwise() with { TrialsPerParticipant = 20 });

        var act = () => RunningStudy.Handle(open, new OpenStudy(open.Id, By), plannedTrials: 2, A.Now, processing: 2);

        act.Should().Throw<DomainException>().Where(e => e.Kind == DomainError.Conflict).WithMessage("2 videos are still being processed*counted when the study opens*");
        RunningStudy.Handle(given, new OpenStudy(given.Id, By), plannedTrials: 2, A.Now, processing: 2).Should().NotBeNull("a number given does not depend on them");
    }

    [Theory]
    [InlineData(StudyKind.Pairwise, "*at least two conditions for the same prompt*")]
    [InlineData(StudyKind.Rating, "*at least one video*")]
    public void A_draft_without_plannable_trials_cannot_open(StudyKind kind, string message)
    {
        var study = A.Draft(kind == StudyKind.Pairwise ? A.Pairwise() : A.Rating());

        var act = () => RunningStudy.Handle(study, new OpenStudy(study.Id, By), plannedTrials: 0, A.Now);

        act.Should().Throw<DomainException>().Where(e => e.Kind == DomainError.Conflict).WithMessage("No trial can be planned yet*" + message);
    }

    [Fact]
    public void An_open_study_pauses_and_resumes_keeping_when_it_first_opened()
    {
        var study = A.Draft().Opened();
        var later = A.Now.AddDays(1);

        var paused = RunningStudy.Handle(study, new PauseStudy(study.Id, By), later);
        study.Apply(paused!);
        var statusWhilePaused = study.Status;
        var resumed = RunningStudy.Handle(study, new OpenStudy(study.Id, By), plannedTrials: 4, later);
        study.Apply(resumed!);

        paused.Should().Be(new StudyPaused(study.Id, By, later));
        statusWhilePaused.Should().Be(StudyStatus.Paused);
        study.Status.Should().Be(StudyStatus.Open);
        study.FirstOpenedAt.Should().Be(A.Now);
    }

    [Fact]
    public void Asking_for_the_current_state_again_records_nothing()
    {
        var open = A.Draft().Opened();
        var paused = A.Draft().Opened().Paused();
        var closed = A.Draft().Closed();

        RunningStudy.Handle(open, new OpenStudy(open.Id, By), plannedTrials: 3, A.Now).Should().BeNull();
        RunningStudy.Handle(paused, new PauseStudy(paused.Id, By), A.Now).Should().BeNull();
        RunningStudy.Handle(closed, new CloseStudy(closed.Id, By), A.Now).Should().BeNull();
    }

    [Fact]
    public void A_draft_cannot_be_paused()
    {
        var study = A.Draft();

        var act = () => RunningStudy.Handle(study, new PauseStudy(study.Id, By), A.Now);

        act.Should().Throw<DomainException>().Where(e => e.Kind == DomainError.Conflict).WithMessage("*this one is draft*");
    }

    [Fact]
    public void Any_study_not_yet_closed_can_be_closed()
    {
        var draft = A.Draft();
        var paused = A.Draft().Opened().Paused();

        RunningStudy.Handle(draft, new CloseStudy(draft.Id, By), A.Now).Should().Be(new StudyClosed(draft.Id, By, A.Now));
        RunningStudy.Handle(paused, new CloseStudy(paused.Id, By), A.Now).Should().Be(new StudyClosed(paused.Id, By, A.Now));
    }

    [Fact]
    public void A_closed_study_is_final()
    {
        var study = A.Draft().Opened().Closed();

        var open = () => RunningStudy.Handle(study, new OpenStudy(study.Id, By), plannedTrials: 10, A.Now);
        var pause = () => RunningStudy.Handle(study, new PauseStudy(study.Id, By), A.Now);

        open.Should().Throw<DomainException>().Where(e => e.Kind == DomainError.Conflict).WithMessage("*cannot open again*");
        pause.Should().Throw<DomainException>().Where(e => e.Kind == DomainError.Conflict).WithMessage("*this one is closed*");
    }
}
