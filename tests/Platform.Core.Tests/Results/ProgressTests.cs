using Platform.Results;
using Platform.Tests.Studies;

namespace Platform.Tests.Results;

public class ProgressTests
{
    private static JudgmentPace Pace(int recorded, int gold, TimeSpan span) => new(recorded, gold, A.Now, A.Now + span);

    [Fact]
    public void The_time_left_follows_the_average_rate_so_far()
    {
        // 11 judgments over 10 minutes: one a minute; 20 more to go.
        var progress = StudyProgress.Estimate(11, 31, Pace(11, 0, TimeSpan.FromMinutes(10)));

        progress.Remaining.Should().Be(TimeSpan.FromMinutes(20));
        progress.Share.Should().BeApproximately(11.0 / 31, 1e-12);
    }

    [Fact]
    public void Gold_trials_count_in_the_pace_their_timestamps_measure()
    {
        // 13 recorded over 12 minutes is one a minute; 3 were gold, so each counted judgment takes 13 / 10 minutes.
        var progress = StudyProgress.Estimate(10, 30, Pace(13, 3, TimeSpan.FromMinutes(12)));

        progress.Remaining.Should().Be(TimeSpan.FromMinutes(26));
    }

    [Fact]
    public void No_estimate_before_two_judgments_and_none_needed_once_done()
    {
        StudyProgress.Estimate(1, 30, Pace(1, 0, TimeSpan.Zero)).Remaining.Should().BeNull();
        StudyProgress.Estimate(0, 30, new JudgmentPace(0, 0, null, null)).Remaining.Should().BeNull();
        StudyProgress.Estimate(0, 30, Pace(4, 4, TimeSpan.FromMinutes(3))).Remaining.Should().BeNull("only gold so far");
        StudyProgress.Estimate(30, 30, Pace(30, 0, TimeSpan.FromHours(1))).Remaining.Should().Be(TimeSpan.Zero);
        StudyProgress.Estimate(0, 0, new JudgmentPace(0, 0, null, null)).Share.Should().Be(0);
    }

    [Fact]
    public void An_adaptive_study_wants_what_its_goal_is_projected_to_still_need_and_says_when_it_is_stalled_stopped_or_closed()
    {
        var pace = Pace(11, 0, TimeSpan.FromMinutes(10));
        var running = StudyProgress.ByGoalEstimate(11, 20, GoalProgress.Running, pace);
        var stalled = StudyProgress.ByGoalEstimate(11, 0, GoalProgress.Stalled, pace);
        var stopped = StudyProgress.ByGoalEstimate(11, 500, GoalProgress.Stopped, pace);
        var closed = StudyProgress.ByGoalEstimate(11, 500, GoalProgress.Closed, pace);

        (running.Needed, running.Remaining, running.Goal).Should().Be((31, TimeSpan.FromMinutes(20), GoalProgress.Running));
        running.Explain().Should().StartWith("Estimated for the 20 judgments the goal is projected to still need");
        (stalled.Remaining, stalled.Explain()).Should().Be((null, "Stalled: every trial of the goal's units still open has had its k judgments, so nobody can be given a trial. Raise k, or close the study."));
        (stopped.Needed, stopped.Remaining, stopped.Share).Should().Be((11, TimeSpan.Zero, 1.0));
        stopped.Explain().Should().Be("Done: the study's goal stopped it (11 judgments in all).");
        closed.Explain().Should().Be("Closed by its researchers before its goal stopped it (11 judgments in all).");
    }

    [Fact]
    public void The_time_left_explains_how_it_is_estimated_and_why_it_is_not_yet()
    {
        var running = StudyProgress.Estimate(11, 31, Pace(11, 0, TimeSpan.FromMinutes(10)));
        var early = StudyProgress.Estimate(1, 31, Pace(1, 0, TimeSpan.Zero));
        var done = StudyProgress.Estimate(30, 30, Pace(30, 0, TimeSpan.FromHours(1)));
        var empty = StudyProgress.Estimate(0, 0, new JudgmentPace(0, 0, null, null));

        running.Explain().Should().StartWith("Estimated for the 20 judgments still wanted: the average time between the judgments recorded so far (gold included, imported ones not)");
        StudyProgress.Estimate(30, 31, Pace(30, 0, TimeSpan.FromMinutes(29))).Explain().Should().StartWith("Estimated for the 1 judgment still wanted");
        early.Explain().Should().StartWith("Not estimated yet: it needs two recorded judgments to measure a pace.");
        done.Explain().Should().Be("Done: every trial has the judgments it wants (30 judgments in all).");
        empty.Explain().Should().StartWith("No time left to estimate: the study has no trials yet");
    }
}
