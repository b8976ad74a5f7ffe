using Platform.Results;
using Platform.Tests.Studies;

namespace Platform.Tests.Results;

public class ProgressTests
{
    [Fact]
    public void The_time_left_follows_the_average_rate_so_far()
    {
        // 11 judgments over 10 minutes: one a minute; 20 more to go.
        var progress = StudyProgress.Estimate(11, 31, A.Now, A.Now.AddMinutes(10));

        progress.Remaining.Should().Be(TimeSpan.FromMinutes(20));
        progress.Share.Should().BeApproximately(11.0 / 31, 1e-12);
    }

    [Fact]
    public void No_estimate_before_two_judgments_and_none_needed_once_done()
    {
        StudyProgress.Estimate(1, 30, A.Now, A.Now).Remaining.Should().BeNull();
        StudyProgress.Estimate(0, 30, null, null).Remaining.Should().BeNull();
        StudyProgress.Estimate(30, 30, A.Now, A.Now.AddHours(1)).Remaining.Should().Be(TimeSpan.Zero);
        StudyProgress.Estimate(0, 0, null, null).Share.Should().Be(0);
    }
}
