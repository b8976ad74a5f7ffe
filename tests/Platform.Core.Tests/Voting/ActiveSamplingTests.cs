using Platform.Studies;
using Platform.Tests.Studies;
using Platform.Voting;

namespace Platform.Tests.Voting;

public sealed class ActiveSamplingTests
{
    private static readonly Dictionary<string, double> Open = new() { ["x"] = 3, ["y"] = 1 };

    [Fact]
    public void The_weight_is_how_much_one_more_judgment_shrinks_the_standard_error()
    {
        var unit = new UnitCounts(new GoalUnit("a vs b", "a", "b"), First: 30, Same: 40, Second: 30);
        var variance = unit.Variance;

        ActiveSampling.Weight(unit).Should().BeApproximately(Math.Sqrt(variance / 100) - Math.Sqrt(variance / 101), 1e-12);
        variance.Should().BeApproximately((0.6 * 100 + 1) / 101, 1e-12);
        ActiveSampling.Weight(unit with { First = 60, Same = 80, Second = 60 }).Should().BeLessThan(ActiveSampling.Weight(unit));
        ActiveSampling.Weight(unit with { First = 0, Same = 0, Second = 0 }).Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void For_a_ranking_a_pair_far_apart_weighs_more_and_counts_once_for_each_condition_still_too_wide()
    {
        var close = new UnitCounts(new GoalUnit("a vs b", "a", "b"), 55, 0, 45);
        var far = new UnitCounts(new GoalUnit("a vs c", "a", "c"), 95, 0, 5);
        var goal = new StudyGoal(GoalKind.RankingPrecision);
        var ratings = new[] { ("a", UnitState.Open), ("b", UnitState.Met), ("c", UnitState.Open) }.Select(r => new UnitStatus(r.Item1, 100, 0, -1, 1, r.Item2, 0)).ToList();
        var units = new[] { close, far }.Select(c => new UnitStatus(c.Unit.Name, c.N, 0, 0, 1, UnitState.Open, 1)).ToList();
        var status = new GoalStatus(goal, units, false, "", 200, 2, "", Ratings: ratings);

        var weights = ActiveSampling.OpenWeights(status, [close, far]);

        ActiveSampling.EloWeight(far).Should().BeGreaterThan(2 * ActiveSampling.EloWeight(close));
        weights["a vs b"].Should().Be(ActiveSampling.EloWeight(close));
        weights["a vs c"].Should().Be(2 * ActiveSampling.EloWeight(far));
    }

    [Fact]
    public void Without_weights_the_least_judged_trial_goes_first()
    {
        Candidate[] candidates = [new(0, "x", 2), new(1, "y", 1), new(2, "x", 3)];

        Enumerable.Range(0, 20).Select(seed => ActiveSampling.Choose(candidates, null, 0, new Random(seed))).Distinct().Should().Equal(1);
    }

    [Fact]
    public void Trials_below_the_floor_go_first_and_stopped_units_never()
    {
        Candidate[] candidates = [new(0, "x", 5), new(1, "y", 0), new(2, "stopped", 0)];

        Enumerable.Range(0, 20).Select(seed => ActiveSampling.Choose(candidates, Open, 1, new Random(seed))).Distinct().Should().Equal(1);
        ActiveSampling.Choose([new(0, "stopped", 0)], Open, 1, new Random(1)).Should().Be(-1);
    }

    [Fact]
    public void Above_the_floor_a_unit_is_drawn_in_proportion_to_its_weight_and_its_least_judged_trial_given()
    {
        Candidate[] candidates = [new(0, "x", 4), new(1, "x", 2), new(2, "y", 1)];
        var random = new Random(7);

        var picks = Enumerable.Range(0, 4000).Select(_ => ActiveSampling.Choose(candidates, Open, 1, random)).ToList();

        picks.Should().NotContain(0);
        (picks.Count(p => p == 1) / 4000.0).Should().BeApproximately(0.75, 0.03);
    }

    [Fact]
    public void Adaptive_assignment_never_gives_a_trial_twice_never_one_of_a_stopped_unit_and_keeps_sides_counterbalanced()
    {
        var settings = A.Pairwise("a", "b", "c") with { JudgmentsPerTrial = 40, TrialsPerParticipant = 8 };
        var plan = ASession.Plan(settings, 5);
        for (var seed = 0; seed < 30; seed++)
        {
            var random = new Random(seed);
            var weights = new Dictionary<string, double> { ["a vs b"] = random.NextDouble(), ["a vs c"] = random.NextDouble() };
            var lefts = plan.ToDictionary(t => t.TrialId, _ => new List<string>());
            for (var p = 0; p < 40; p++)
            {
                var session = ASession.Started();
                while (AssigningTrial.Next(session, settings, plan, Loads(lefts), [], random, A.Now, adaptive: new AdaptiveState(weights, Floor: 1)) is { } next)
                {
                    session.SeenTrials.Should().NotContain(next.TrialId);
                    lefts[next.TrialId].Add(next.Left.Condition);
                    session.Apply(next);
                    session.Apply(new JudgmentRecorded(session.Id, session.StudyId, next.TrialId, "", "", next.Left.Condition, next.Right!.Condition, Choice.Same, 1000, false, null, "p", A.Now));
                }
                session.Judgments.Count.Should().Be(8);
            }
            foreach (var trial in plan)
            {
                var shown = lefts[trial.TrialId];
                if (GoalUnits.UnitOf(trial) == "b vs c") shown.Should().BeEmpty();
                Math.Abs(shown.Count(c => c == trial.Videos[0].Condition) - shown.Count(c => c == trial.Videos[1].Condition)).Should().BeLessThanOrEqualTo(1);
            }
        }
    }

    private static Dictionary<Guid, TrialLoad> Loads(Dictionary<Guid, List<string>> lefts) =>
        lefts.ToDictionary(p => p.Key, p => new TrialLoad(p.Value.Count, [.. p.Value]));
}
