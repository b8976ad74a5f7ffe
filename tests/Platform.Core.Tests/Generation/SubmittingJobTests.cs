using Platform.Generation;
using static Platform.Generation.Observation;

namespace Platform.Tests.Generation;

/// <summary>A run from its start to the job running on its server: the slot, the checks, submission, back-pressure.</summary>
public class SubmittingJobTests
{
    [Fact]
    public void A_new_run_checks_the_job_is_still_wanted_then_waits_for_a_slot()
    {
        var run = ARun.Queued();

        var started = run.When(new Started());
        var wanted = run.When(ARun.Wanted);

        started.Next.Should().Be(new JobAction.Check());
        wanted.Next.Should().Be(new JobAction.TakeSlot(ARun.Limits.SlotWait));
        started.Events.Concat(wanted.Events).Should().BeEmpty();
    }

    [Fact]
    public void Without_a_slot_within_the_slot_wait_the_run_comes_again_later()
    {
        var run = ARun.Queued().WaitingForSlot();

        var decision = run.When(new NoSlot());

        decision.Next.Should().Be(new JobAction.RunAgainLater(ARun.Limits.SlotWait));
        decision.Events.Should().BeEmpty();
    }

    [Fact]
    public void With_a_slot_the_job_is_checked_again_then_submitted()
    {
        var run = ARun.Queued().WaitingForSlot();

        run.When(new SlotTaken()).Next.Should().Be(new JobAction.Check(), "the job may have waited long for its slot");
        run.When(ARun.Wanted).Next.Should().Be(new JobAction.Submit());
    }

    [Fact]
    public void A_submission_is_recorded_with_the_servers_id_and_its_attempt_and_polled_at_once()
    {
        var run = ARun.Queued().Submitting();

        var decision = run.When(new Submitted("video_42"));

        decision.Events.Should().Equal(new GenerationJobSubmitted(run.Job.Id, "video_42", 1, run.Now));
        decision.Next.Should().Be(new JobAction.Check());
        run.When(ARun.Wanted).Next.Should().Be(new JobAction.Poll("video_42"));
    }

    [Fact]
    public void A_new_run_of_a_job_already_submitted_polls_it_instead_of_submitting_it_again()
    {
        var again = ARun.Queued();
        again.Job.Apply(new GenerationJobSubmitted(again.Job.Id, ARun.RemoteId, 1, again.Now));

        var decision = again.WaitingForSlot().Given(new SlotTaken()).When(ARun.Wanted);

        decision.Next.Should().Be(new JobAction.Poll(ARun.RemoteId));
        decision.Events.Should().BeEmpty();
    }

    [Fact]
    public void A_run_of_a_finished_job_does_nothing()
    {
        var run = ARun.Queued();
        run.Job.Apply(new GenerationJobCancelled(run.Job.Id, run.Now));

        var decision = run.When(new Started());

        (decision.Events.Count, decision.Next).Should().Be((0, new JobAction.Stop()));
    }

    [Fact]
    public void The_candidate_registered_gets_an_id_made_from_the_jobs_so_a_second_run_cannot_register_another()
    {
        var run = ARun.Queued().Downloading();

        var decision = run.When(new Downloaded());

        decision.Next.Should().Be(new JobAction.Register(GenerationJob.CandidateId(run.Job.Id)));
        GenerationJob.CandidateId(run.Job.Id).Should().Be(GenerationJob.CandidateId(run.Job.Id)).And.NotBe(GenerationJob.CandidateId(Guid.NewGuid()));
    }

    [Fact]
    public void Back_pressure_beyond_the_busy_hold_gives_the_slot_back_and_the_run_comes_again_after_the_wait()
    {
        var limits = ARun.Limits with { BusyHold = TimeSpan.FromSeconds(12) };
        var run = ARun.Queued(limits).Submitting();

        var held = run.When(new Busy(TimeSpan.FromSeconds(10)));
        run.When(new Waited()).Next.Should().Be(new JobAction.Submit());
        var given = run.When(new Busy(TimeSpan.FromSeconds(10)));

        held.Next.Should().Be(new JobAction.Wait(TimeSpan.FromSeconds(10)), "10 s fit in the 12 s it may hold the slot");
        given.Next.Should().Be(new JobAction.RunAgainLater(TimeSpan.FromSeconds(10)), "another 10 s would not");
        (held.Events.Count, given.Events.Count).Should().Be((0, 0));
    }

    [Fact]
    public void A_resubmission_may_hold_its_slot_through_back_pressure_afresh()
    {
        var limits = ARun.Limits with { BusyHold = TimeSpan.FromSeconds(10) };
        var run = ARun.Queued(limits).Submitting().Given(new Busy(TimeSpan.FromSeconds(10)), new Waited(), new Submitted(ARun.RemoteId), ARun.Wanted);

        run.When(new Lost()).Next.Should().Be(new JobAction.Submit());
        run.When(new Busy(TimeSpan.FromSeconds(10))).Next.Should().Be(new JobAction.Wait(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void An_error_no_rule_covers_fails_the_job_with_its_message_unless_the_job_has_ended()
    {
        var running = ARun.Queued().Running();
        var ended = ARun.Queued().Running().Given(new FailedThere("simulated GPU out of memory"));

        var broke = running.When(new Broke("Gave up after 4 attempts: connection reset"));

        broke.Events.Should().Equal(new GenerationJobFailed(running.Job.Id, "Gave up after 4 attempts: connection reset", running.Now));
        ended.When(new Broke("connection reset")).Events.Should().BeEmpty("the job failed already, with the server's reason");
    }
}
