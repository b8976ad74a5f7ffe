using Platform.Generation;

namespace Platform.Tests.Generation;

public class PollScheduleTests
{
    private static readonly TimeSpan Shortest = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(5);
    private static readonly double[] OverdueTimes = [11.5, 13, 20, 100];

    private static TimeSpan Next(double elapsedSeconds, params double[] recent) =>
        PollSchedule.Next(TimeSpan.FromSeconds(elapsedSeconds), recent, Shortest, Longest);

    [Fact]
    public void Before_the_expected_end_the_job_sleeps_until_shortly_before_it()
    {
        // Recent jobs took 10 s at least: polling starts at 9 s.
        Next(2, 10.4, 10, 12).Should().Be(TimeSpan.FromSeconds(5), "a sleep never exceeds the longest pause");
        Next(6, 10.4, 10, 12).Should().Be(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void Around_the_expected_end_it_polls_at_the_shortest_pause()
    {
        Next(9.2, 10).Should().Be(Shortest);
        Next(10.9, 10).Should().Be(Shortest);
    }

    [Fact]
    public void A_long_job_is_polled_closely_only_in_the_last_seconds_before_its_expected_end()
    {
        // Ten-minute jobs: the close polling starts 2 s early, not a minute early.
        Next(595, 600).Should().Be(TimeSpan.FromSeconds(3));
        Next(598.5, 600).Should().Be(Shortest);
        Next(603, 600).Should().BeGreaterThan(Shortest);
    }

    [Fact]
    public void An_overdue_job_is_asked_about_less_and_less_often()
    {
        var pauses = OverdueTimes.Select(t => Next(t, 10)).ToList();

        pauses.Should().BeInAscendingOrder().And.OnlyContain(p => p >= Shortest && p <= Longest);
        pauses[^1].Should().Be(Longest);
    }

    [Fact]
    public void Without_history_it_backs_off_from_the_submission()
    {
        Next(0).Should().Be(Shortest);
        Next(1).Should().Be(Shortest + TimeSpan.FromSeconds(0.5));
        Next(60).Should().Be(Longest);
    }

    [Fact]
    public void Only_the_last_ten_durations_count_and_the_shortest_of_them_is_expected()
    {
        double[] recent = [1.0, .. Enumerable.Repeat(20.0, 10)];

        PollSchedule.Expected(recent).Should().Be(TimeSpan.FromSeconds(20), "the 1 s job is older than the last ten");
        PollSchedule.Expected([8.0, 6.0, 7.0]).Should().Be(TimeSpan.FromSeconds(6));
    }
}
