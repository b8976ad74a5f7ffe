using Platform.Generation;
using static Platform.Generation.Observation;

namespace Platform.Tests.Generation;

/// <summary>A cancelled batch cancels its jobs wherever they are; a retired server fails the jobs it has not started.</summary>
public class CancellingJobTests
{
    private static readonly Checked BatchCancelled = ARun.Wanted with { BatchCancelled = true };
    private static readonly Checked ServerRetired = ARun.Wanted with { ServerRetired = "The server gpu-1 was retired; its jobs are not run." };

    [Fact]
    public void A_batch_cancelled_before_the_run_cancels_the_job_and_tells_no_server()
    {
        var run = ARun.Queued().Given(new Started());

        var decision = run.When(BatchCancelled);

        decision.Events.Should().Equal(new GenerationJobCancelled(run.Job.Id, run.Now));
        decision.Next.Should().Be(new JobAction.Stop(), "no server has the job");
    }

    [Fact]
    public void A_batch_cancelled_while_the_job_waited_for_its_slot_cancels_it_before_submission()
    {
        var run = ARun.Queued().WaitingForSlot().Given(new SlotTaken());

        var decision = run.When(BatchCancelled);

        decision.Events.Should().Equal(new GenerationJobCancelled(run.Job.Id, run.Now));
        decision.Next.Should().Be(new JobAction.Stop());
    }

    [Fact]
    public void A_batch_cancelled_while_the_server_runs_the_job_cancels_it_there_too()
    {
        var run = ARun.Queued().Running().Given(new StillRunning(), new Waited());

        var decision = run.When(BatchCancelled);
        var ended = run.When(new Done());

        decision.Events.Should().Equal(new GenerationJobCancelled(run.Job.Id, run.Now));
        decision.Next.Should().Be(new JobAction.CancelRemote(ARun.RemoteId));
        ended.Next.Should().Be(new JobAction.Stop());
    }

    [Fact]
    public void A_job_cancelled_itself_is_not_polled_again()
    {
        var run = ARun.Queued().Running().Given(new StillRunning(), new Waited());

        var decision = run.When(ARun.Wanted with { JobCancelled = true });

        decision.Events.Should().ContainSingle().Which.Should().BeOfType<GenerationJobCancelled>();
        decision.Next.Should().Be(new JobAction.CancelRemote(ARun.RemoteId));
    }

    [Fact]
    public void A_job_whose_server_was_retired_fails_with_the_reason_before_and_after_waiting_for_its_slot()
    {
        var before = ARun.Queued().Given(new Started());
        var after = ARun.Queued().WaitingForSlot().Given(new SlotTaken());

        var atStart = before.When(ServerRetired);
        var withSlot = after.When(ServerRetired);

        atStart.Events.Should().Equal(new GenerationJobFailed(before.Job.Id, ServerRetired.ServerRetired!, before.Now));
        withSlot.Events.Should().Equal(new GenerationJobFailed(after.Job.Id, ServerRetired.ServerRetired!, after.Now));
        (atStart.Next, withSlot.Next).Should().Be((new JobAction.Stop(), new JobAction.Stop()), "nothing is sent to a retired server");
    }

    [Fact]
    public void A_job_its_server_already_runs_is_let_finish_when_the_server_is_retired()
    {
        var run = ARun.Queued().Running().Given(new StillRunning(), new Waited());

        var decision = run.When(ServerRetired);

        decision.Events.Should().BeEmpty();
        decision.Next.Should().Be(new JobAction.Poll(ARun.RemoteId));
    }
}
