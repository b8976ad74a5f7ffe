using Platform.Studies;

namespace Platform.Tests.Studies;

public sealed class SidesTests
{
    private static readonly PlannedTrial Trial = TrialPlanner.Plan(A.StudyId, A.Pairwise(), [A.Ready("a", "spin"), A.Ready("b", "spin")]).Single();

    private static string LeftOf(PlannedTrial trial, IReadOnlyCollection<string> inTrial, IReadOnlyCollection<string> inPair, bool coin) =>
        Sides.Arrange(trial, inTrial, inPair, coin).Left.Condition;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_trial_shown_more_often_with_one_condition_on_the_left_goes_the_other_way_whatever_the_coin(bool coin)
    {
        LeftOf(Trial, ["a"], ["a"], coin).Should().Be("b");
        LeftOf(Trial, ["a", "b", "b"], ["a", "b", "b"], coin).Should().Be("a");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_trial_even_in_itself_evens_out_its_condition_pair(bool coin)
    {
        LeftOf(Trial, ["a", "b"], ["a", "b", "a", "a"], coin).Should().Be("b");
        LeftOf(Trial, [], ["b"], coin).Should().Be("a");
    }

    [Fact]
    public void When_trial_and_pair_are_even_the_coin_decides_so_both_orientations_occur()
    {
        LeftOf(Trial, [], [], coin: true).Should().Be("a");
        LeftOf(Trial, [], [], coin: false).Should().Be("b");
        LeftOf(Trial, ["b", "a"], ["a", "b"], coin: false).Should().Be("b");
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(2, 3)]
    [InlineData(3, 3)]
    [InlineData(5, 4)]
    [InlineData(6, 7)]
    public void However_assignments_interleave_each_trial_and_each_pair_end_even_give_or_take_one(int trialsPerPair, int k)
    {
        var settings = A.Pairwise("a", "b", "c");
        var plan = TrialPlanner.Plan(A.StudyId, settings, Enumerable.Range(0, trialsPerPair)
            .SelectMany(i => new[] { A.Ready("a", $"prompt {i:00}"), A.Ready("b", $"prompt {i:00}"), A.Ready("c", $"prompt {i:00}") }));

        for (var seed = 0; seed < 20; seed++)
        {
            var random = new Random(seed);
            var lefts = plan.ToDictionary(t => t.TrialId, _ => new List<string>());
            foreach (var trial in plan.SelectMany(t => Enumerable.Repeat(t, k)).OrderBy(_ => random.Next()))
            {
                var inPair = plan.Where(t => Sides.SamePair(t, trial)).SelectMany(t => lefts[t.TrialId]).ToList();
                lefts[trial.TrialId].Add(LeftOf(trial, lefts[trial.TrialId], inPair, random.Next(2) == 0));
            }

            plan.Should().OnlyContain(t => Math.Abs(Lead(t, lefts[t.TrialId])) <= 1);
            foreach (var pair in plan.GroupBy(t => (t.Videos[0].Condition, t.Videos[1].Condition)))
            {
                var lead = pair.Sum(t => Lead(t, lefts[t.TrialId]));
                Math.Abs(lead).Should().Be(trialsPerPair * k % 2, "each condition is on the left equally often, one apart when the count is odd");
            }
        }
    }

    [Fact]
    public void The_coin_is_what_varies_between_participants_of_a_fresh_trial()
    {
        var random = new Random(7);

        var lefts = Enumerable.Range(0, 40).Select(_ => LeftOf(Trial, [], [], random.Next(2) == 0)).ToList();

        lefts.Should().Contain("a").And.Contain("b");
    }

    [Fact]
    public void A_rating_trial_shows_its_one_video_on_the_left()
    {
        var video = A.Ready("a", "spin");
        var trial = TrialPlanner.Plan(A.StudyId, A.Rating(), [video]).Single();

        var (left, right) = Sides.Arrange(trial, ["a"], ["a", "a"], coin: false);

        left.VideoId.Should().Be(video.VideoId);
        right.Should().BeNull();
    }

    [Fact]
    public void Only_trials_of_the_same_two_conditions_share_a_pair()
    {
        var plan = TrialPlanner.Plan(A.StudyId, A.Pairwise("a", "b", "c"), [A.Ready("a", "p1"), A.Ready("b", "p1"), A.Ready("c", "p1"), A.Ready("a", "p2"), A.Ready("b", "p2")]);
        var ab = plan.Where(t => t.Videos[1].Condition == "b" && t.Videos[0].Condition == "a").ToList();

        Sides.SamePair(ab[0], ab[1]).Should().BeTrue();
        plan.Where(t => !ab.Contains(t)).Should().OnlyContain(t => !Sides.SamePair(t, ab[0]));
    }

    private static int Lead(PlannedTrial trial, List<string> lefts) =>
        lefts.Count(c => c == trial.Videos[0].Condition) - lefts.Count(c => c == trial.Videos[1].Condition);
}
