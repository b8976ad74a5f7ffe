using Platform.Generation;
using static Platform.Generation.Observation;

namespace Platform.Tests.Generation;

/// <summary>
/// Every fault the reference render server can inject (its FaultSettings), and the two it shows without one (a
/// restart that forgets its jobs, no answer at all), as a run observes them.
/// </summary>
public class RenderServerFaultTests
{
    [Fact]
    public void Error_rate_a_job_the_server_fails_fails_with_the_servers_reason()
    {
        var run = ARun.Queued().Running();

        var decision = run.When(new FailedThere("simulated GPU out of memory"));

        decision.Events.Should().Equal(new GenerationJobFailed(run.Job.Id, "simulated GPU out of memory", run.Now));
        decision.Next.Should().Be(new JobAction.Stop(), "nothing is downloaded");
    }

    [Fact]
    public void Reject_status_4xx_a_refused_submission_fails_the_job_with_the_reason()
    {
        var run = ARun.Queued().Submitting();

        var decision = run.When(new Refused("The server refused the job (400: rejected)."));

        decision.Events.Should().Equal(new GenerationJobFailed(run.Job.Id, "The server refused the job (400: rejected).", run.Now));
        decision.Next.Should().Be(new JobAction.Stop());
    }

    [Fact]
    public void Reject_status_5xx_or_429_back_pressure_is_waited_out_with_the_slot_held_then_the_job_is_submitted_again()
    {
        var run = ARun.Queued().Submitting();

        var first = run.When(new Busy(RetryAfter: null));
        var again = run.When(new Waited());
        var second = run.When(new Busy(RetryAfter: null));
        run.Given(new Waited());
        var accepted = run.When(new Submitted(ARun.RemoteId));

        first.Next.Should().Be(new JobAction.Wait(ARun.Limits.BusyWait), "without a Retry-After it waits the busy wait");
        (again.Next, second.Next).Should().Be((new JobAction.Submit(), new JobAction.Wait(ARun.Limits.BusyWait)));
        accepted.Events.Should().Equal(new GenerationJobSubmitted(run.Job.Id, ARun.RemoteId, 1, run.Now));
    }

    [Fact]
    public void Retry_after_seconds_is_how_long_the_job_waits_with_its_slot()
    {
        var run = ARun.Queued().Submitting();

        var decision = run.When(new Busy(TimeSpan.FromSeconds(2)));

        decision.Next.Should().Be(new JobAction.Wait(TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void Hang_a_job_that_never_finishes_is_cancelled_on_the_server_and_fails_once_the_timeout_has_passed()
    {
        var run = ARun.Queued().Running();
        run.When(new StillRunning()).Next.Should().BeOfType<JobAction.Wait>();

        run.Later(TimeSpan.FromMinutes(30)).Given(new Waited()).When(ARun.Wanted).Next.Should().Be(new JobAction.Poll(ARun.RemoteId), "30 minutes are not past yet");
        run.Given(new StillRunning(), new Waited());
        var timedOut = run.Later(TimeSpan.FromSeconds(1)).When(ARun.Wanted);
        var ended = run.When(new Done());

        timedOut.Events.Should().Equal(new GenerationJobFailed(run.Job.Id, "The server did not finish within 30 minutes.", run.Now));
        timedOut.Next.Should().Be(new JobAction.CancelRemote(ARun.RemoteId));
        (ended.Events.Count, ended.Next).Should().Be((0, new JobAction.Stop()));
    }

    [Fact]
    public void Truncate_content_a_download_cut_short_is_tried_three_times_then_fails_with_the_reason()
    {
        var run = ARun.Queued().Downloading();
        const string cut = "The download was cut short: 1000 of 2000 bytes arrived.";

        var second = run.When(new DownloadCut(cut));
        var third = run.When(new DownloadCut(cut));
        var last = run.When(new DownloadCut(cut));

        (second.Next, third.Next).Should().Be((new JobAction.Download(ARun.RemoteId, ARun.Limits.DownloadTimeout), new JobAction.Download(ARun.RemoteId, ARun.Limits.DownloadTimeout)));
        second.Events.Concat(third.Events).Should().BeEmpty();
        last.Events.Should().Equal(new GenerationJobFailed(run.Job.Id, cut, run.Now));
        last.Next.Should().Be(new JobAction.Stop());
    }

    [Fact]
    public void A_restart_that_forgets_the_job_makes_it_submitted_again_as_a_second_attempt()
    {
        var run = ARun.Queued().Running();
        var firstSubmission = run.Job.SubmittedAt;

        var lost = run.Later(TimeSpan.FromSeconds(3)).When(new Lost());
        var again = run.When(new Submitted("remote-2"));

        lost.Events.Should().Equal(new GenerationJobLost(run.Job.Id, ARun.RemoteId, run.Now));
        lost.Next.Should().Be(new JobAction.Submit(), "the run still holds its slot");
        again.Events.Should().Equal(new GenerationJobSubmitted(run.Job.Id, "remote-2", 2, run.Now));
        run.Job.SubmittedAt.Should().Be(firstSubmission, "the job timeout counts from the first submission");
    }

    [Fact]
    public void An_unreachable_server_fails_the_job_after_the_errors_in_a_row_allowed()
    {
        var run = ARun.Queued().Running();
        var pauses = new List<JobAction>();
        for (var error = 1; error < ARun.Limits.MaxErrorsInARow; error++)
        {
            pauses.Add(run.When(new Unanswered("Connection refused")).Next);
            run.Given(new Waited(), ARun.Wanted);
        }

        var last = run.When(new Unanswered("Connection refused"));

        pauses.Should().HaveCount(4).And.AllBeOfType<JobAction.Wait>();
        last.Events.Should().Equal(new GenerationJobFailed(run.Job.Id, "The server did not answer 5 times in a row: Connection refused", run.Now));
    }
}
