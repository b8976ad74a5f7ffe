using Platform.Studies;

namespace Platform.Tests.Studies;

public sealed class SidesTests
{
    [Theory]
    [InlineData(2, 1)]
    [InlineData(2, 3)]
    [InlineData(4, 5)]
    [InlineData(6, 7)]
    [InlineData(1, 2)]
    [InlineData(3, 4)]
    [InlineData(5, 10)]
    public void Over_a_pair_each_condition_is_on_the_left_exactly_half_the_time(int trialsPerPair, int k)
    {
        var settings = A.Pairwise("a", "b", "c");
        var ready = Enumerable.Range(0, trialsPerPair)
            .SelectMany(i => new[] { A.Ready("a", $"prompt {i:00}"), A.Ready("b", $"prompt {i:00}"), A.Ready("c", $"prompt {i:00}") });
        var plan = TrialPlanner.Plan(A.StudyId, settings, ready);

        var lefts = plan.SelectMany(t => Enumerable.Range(0, k).Select(ever => (Trial: t, Left: Sides.Arrange(t, ever).Left.Condition)))
            .GroupBy(x => (x.Trial.Videos[0].Condition, x.Trial.Videos[1].Condition))
            .ToDictionary(g => g.Key, g => g.Count(x => x.Left == g.Key.Item1));

        lefts.Should().HaveCount(3);
        lefts.Values.Should().OnlyContain(firstOnLeft => firstOnLeft * 2 == trialsPerPair * k);
    }

    [Fact]
    public void Successive_assignments_of_a_trial_alternate_sides()
    {
        var plan = TrialPlanner.Plan(A.StudyId, A.Pairwise(), [A.Ready("a", "spin"), A.Ready("b", "spin")]);

        var lefts = Enumerable.Range(0, 4).Select(ever => Sides.Arrange(plan[0], ever).Left.Condition);

        lefts.Should().Equal("a", "b", "a", "b");
    }

    [Fact]
    public void Successive_trials_of_a_pair_start_on_alternate_sides()
    {
        var plan = TrialPlanner.Plan(A.StudyId, A.Pairwise(), [A.Ready("a", "p1"), A.Ready("b", "p1"), A.Ready("a", "p2"), A.Ready("b", "p2")]);

        plan.Select(t => Sides.Arrange(t, 0).Left.Condition).Should().Equal("a", "b");
    }

    [Fact]
    public void A_rating_trial_shows_its_one_video_on_the_left()
    {
        var video = A.Ready("a", "spin");
        var trial = TrialPlanner.Plan(A.StudyId, A.Rating(), [video]).Single();

        var (left, right) = Sides.Arrange(trial, 1);

        left.VideoId.Should().Be(video.VideoId);
        right.Should().BeNull();
    }
}
