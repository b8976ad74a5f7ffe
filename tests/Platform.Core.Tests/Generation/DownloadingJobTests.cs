using Platform.Generation;
using static Platform.Generation.Observation;

namespace Platform.Tests.Generation;

/// <summary>A run once the server reports the job done: the slot given back, the download, the registration.</summary>
public class DownloadingJobTests
{
    [Fact]
    public void The_slot_is_given_back_as_soon_as_the_server_reports_completion_then_the_video_is_downloaded()
    {
        var run = ARun.Queued().Running();

        var completed = run.When(new Completed());
        var released = run.When(new SlotReleased());

        completed.Next.Should().Be(new JobAction.ReleaseSlot(), "the server's GPU is free: the next job renders while this one downloads");
        released.Next.Should().Be(new JobAction.Download(ARun.RemoteId, ARun.Limits.DownloadTimeout));
        completed.Events.Concat(released.Events).Should().BeEmpty();
    }

    [Fact]
    public void A_registered_video_makes_the_job_succeed_with_the_servers_time_which_is_recorded_for_the_server()
    {
        var run = ARun.Queued().Running().Later(TimeSpan.FromSeconds(12)).Given(new Completed(), new SlotReleased());
        var videoId = GenerationJob.CandidateId(run.Job.Id);

        var downloaded = run.Later(TimeSpan.FromSeconds(30)).When(new Downloaded());
        var registered = run.When(new Registered());

        downloaded.Next.Should().Be(new JobAction.Register(videoId));
        registered.Events.Should().Equal(new GenerationJobSucceeded(run.Job.Id, videoId, 12, run.Now));
        registered.Next.Should().Be(new JobAction.RecordDuration(12), "the server's time ends at completion, not after the download");
        run.When(new Done()).Next.Should().Be(new JobAction.Stop());
    }

    [Fact]
    public void A_video_an_earlier_run_registered_counts_as_success()
    {
        var run = ARun.Queued().Downloading().Given(new Downloaded());

        var decision = run.When(new AlreadyRegistered());

        decision.Events.Should().ContainSingle().Which.Should().BeOfType<GenerationJobSucceeded>();
    }

    [Fact]
    public void A_video_the_study_refuses_fails_the_job_with_the_reason()
    {
        var run = ARun.Queued().Downloading().Given(new Downloaded());

        var decision = run.When(new VideoRefused("The file is not a video."));

        decision.Events.Should().Equal(new GenerationJobFailed(run.Job.Id, "The server's video was refused: The file is not a video.", run.Now));
        decision.Next.Should().Be(new JobAction.Stop());
    }

    [Fact]
    public void A_download_that_takes_too_long_counts_as_a_failed_attempt_with_the_reason()
    {
        var run = ARun.Queued().Downloading().Given(new DownloadTimedOut(), new DownloadTimedOut());

        var decision = run.When(new DownloadTimedOut());

        decision.Events.Should().Equal(new GenerationJobFailed(run.Job.Id, "The download did not finish within 10 minutes.", run.Now));
    }

    [Fact]
    public void A_video_the_server_lost_after_completion_is_queued_again_and_waits_for_a_slot_before_it_is_submitted()
    {
        var run = ARun.Queued().Downloading();

        var lost = run.When(new Lost());
        var slot = run.When(new SlotTaken());
        var wanted = run.When(ARun.Wanted);

        lost.Events.Should().Equal(new GenerationJobLost(run.Job.Id, ARun.RemoteId, run.Now));
        lost.Next.Should().Be(new JobAction.TakeSlot(ARun.Limits.SlotWait), "its slot was given back at completion");
        (slot.Next, wanted.Next).Should().Be((new JobAction.Check(), new JobAction.Submit()));
    }

    [Fact]
    public void Back_pressure_at_the_download_makes_the_run_come_again_later()
    {
        var run = ARun.Queued().Downloading();

        var decision = run.When(new Busy(TimeSpan.FromSeconds(3)));

        decision.Next.Should().Be(new JobAction.RunAgainLater(TimeSpan.FromSeconds(3)));
        decision.Events.Should().BeEmpty();
    }
}
