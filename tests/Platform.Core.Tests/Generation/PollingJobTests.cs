using Platform.Generation;
using static Platform.Generation.Observation;

namespace Platform.Tests.Generation;

/// <summary>A run while the server runs the job: when it asks, and what ends the wait.</summary>
public class PollingJobTests
{
    [Fact]
    public void A_running_job_is_asked_about_again_after_the_pause_the_poll_schedule_gives_from_the_servers_recent_jobs()
    {
        var run = ARun.Queued().Submitting().Given(new Submitted(ARun.RemoteId), ARun.Wanted with { RecentSeconds = [10, 12] });

        var decision = run.Later(TimeSpan.FromSeconds(6)).When(new StillRunning());

        decision.Next.Should().Be(new JobAction.Wait(PollSchedule.Next(TimeSpan.FromSeconds(6), [10, 12], ARun.Limits.ShortestPoll, ARun.Limits.LongestPoll)));
        run.When(new Waited()).Next.Should().Be(new JobAction.Check(), "a cancellation is looked for before each poll");
    }

    [Fact]
    public void An_answer_between_errors_starts_their_count_again()
    {
        var run = ARun.Queued().Running();
        for (var error = 1; error < ARun.Limits.MaxErrorsInARow; error++) run.Given(new Unanswered("timeout"), new Waited(), ARun.Wanted);

        run.Given(new StillRunning(), new Waited(), ARun.Wanted);
        var decision = run.When(new Unanswered("timeout"));

        decision.Events.Should().BeEmpty();
        decision.Next.Should().BeOfType<JobAction.Wait>();
    }

    [Fact]
    public void A_busy_answer_to_a_poll_keeps_the_slot_and_asks_again_at_most_a_minute_later()
    {
        var run = ARun.Queued().Running();

        var soon = run.When(new Busy(TimeSpan.FromSeconds(2)));
        run.Given(new Waited(), ARun.Wanted);
        var capped = run.When(new Busy(TimeSpan.FromMinutes(10)));

        soon.Next.Should().Be(new JobAction.Wait(TimeSpan.FromSeconds(2)));
        capped.Next.Should().Be(new JobAction.Wait(TimeSpan.FromMinutes(1)));
        soon.Events.Concat(capped.Events).Should().BeEmpty();
    }

    [Fact]
    public void A_job_lost_more_often_than_the_resubmits_allowed_fails()
    {
        var run = ARun.Queued().Running();
        for (var resubmit = 1; resubmit <= ARun.Limits.MaxResubmits; resubmit++)
            run.Given(new Lost(), new Submitted($"remote-{resubmit + 1}"), ARun.Wanted);

        var decision = run.When(new Lost());

        run.Job.Attempts.Should().Be(4);
        decision.Events.Should().Equal(new GenerationJobFailed(run.Job.Id, "The server lost the job 4 times (restarts?); giving up.", run.Now));
    }

    [Fact]
    public void A_new_run_of_a_job_submitted_longer_ago_than_the_timeout_cancels_it_on_the_server_without_a_poll()
    {
        var run = ARun.Queued();
        run.Job.Apply(new GenerationJobSubmitted(run.Job.Id, ARun.RemoteId, 1, run.Now));

        var decision = run.Later(ARun.Limits.JobTimeout + TimeSpan.FromSeconds(1)).WaitingForSlot().Given(new SlotTaken()).When(ARun.Wanted);

        decision.Events.Should().Equal(new GenerationJobFailed(run.Job.Id, "The server did not finish within 30 minutes.", run.Now));
        decision.Next.Should().Be(new JobAction.CancelRemote(ARun.RemoteId));
    }
}
