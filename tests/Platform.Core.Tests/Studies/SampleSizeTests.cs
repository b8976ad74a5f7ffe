using Platform.Studies;

namespace Platform.Tests.Studies;

public sealed class SampleSizeTests
{
    private static readonly StudySettings Baseline = A.Pairwise("a", "b", "c", "base").AgainstBaseline("base") with
    {
        JudgmentsPerTrial = 50,
        TrialsPerParticipant = 20,
        GoldRate = 0.1,
        Goal = new StudyGoal(GoalKind.BeatsBaseline, BudgetPerUnit: 400),
    };

    [Fact]
    public void A_precision_goal_needs_exactly_its_count_per_unit_and_participants_follow_from_the_judged_trials_each()
    {
        var settings = A.Rating("a", "b", "c") with { JudgmentsPerTrial = 20, TrialsPerParticipant = 20, GoldRate = 0.1, Goal = new StudyGoal(GoalKind.RatePrecision, HalfWidth: 0.1) };
        var perUnit = StoppingRules.PrecisionFor(settings.Goal!).JudgmentsPerUnit;

        var estimate = SampleSize.Estimate(settings, new PlanningAssumptions(Prompts: 30, Simulations: 20));

        estimate.JudgedPerParticipant.Should().Be(18);
        (estimate.Judgments, estimate.JudgmentsP90).Should().Be((3 * perUnit, 3 * perUnit));
        estimate.Participants.Should().Be((long)Math.Ceiling(3.0 * perUnit / 18));
        estimate.GoalMetShare.Should().Be(1);
    }

    [Fact]
    public void Against_a_baseline_larger_effects_need_fewer_judgments_and_an_equal_condition_spends_its_budget()
    {
        var strong = SampleSize.Estimate(Baseline, new PlanningAssumptions(Effect: 0.5, TieRate: 0.3, Prompts: 10, Simulations: 40));
        var weak = SampleSize.Estimate(Baseline, new PlanningAssumptions(Effect: 0.3, TieRate: 0.3, Prompts: 10, Simulations: 40));
        var equal = SampleSize.Estimate(Baseline, new PlanningAssumptions(Effect: 0.4, PerCondition: new Dictionary<string, double> { ["c"] = 0 }, Prompts: 10, Simulations: 40));

        strong.Judgments.Should().BeLessThan(weak.Judgments);
        strong.UniformJudgments.Should().BeGreaterThanOrEqualTo(strong.Judgments);
        equal.Judgments.Should().BeGreaterThanOrEqualTo(400);
        equal.GoalMetShare.Should().BeLessThan(0.5);
    }

    [Fact]
    public void The_estimate_lies_within_a_fifth_of_the_median_of_an_independent_simulation()
    {
        var assumptions = new PlanningAssumptions(Effect: 0.35, TieRate: 0.4, Prompts: 10, Simulations: 60);
        var truth = SampleSize.Truth(Baseline, assumptions);
        var random = new Random(99);
        var medians = Enumerable.Range(0, 101).Select(_ => StudySimulation.Run(Baseline.Goal!, truth, 10, 50, 18, adaptive: true, random).Judgments).Order().ToList()[50];

        var estimate = SampleSize.Estimate(Baseline, assumptions, seed: 5);

        ((double)estimate.Judgments / medians).Should().BeInRange(0.8, 1.2);
    }

    [Fact]
    public void Assumptions_out_of_range_are_refused_by_field()
    {
        new PlanningAssumptions(Effect: 2, TieRate: -1, Prompts: 0).Problems().Select(p => p.Field).Should().Equal("effect", "tieRate", "prompts");
        new PlanningAssumptions().Problems().Should().BeEmpty();
    }

    [Fact]
    public void Assumptions_per_condition_must_name_a_condition_other_than_the_baseline_and_fit_its_scale()
    {
        var perCondition = new Dictionary<string, double> { ["a"] = 0.9, ["base"] = 0.1, ["nobody"] = 0.2, ["b"] = 0.3 };

        var problems = new PlanningAssumptions(TieRate: 0.3, PerCondition: perCondition).Problems(Baseline).Select(p => p.Field);

        problems.Should().Equal("perCondition.a", "perCondition.base", "perCondition.nobody");
        new PlanningAssumptions(Effect: 1, TieRate: 0.9).Problems(Baseline).Select(p => p.Field).Should().Equal("effect");
        new PlanningAssumptions(PerCondition: new Dictionary<string, double> { ["a"] = double.PositiveInfinity }).Problems().Select(p => p.Field).Should().Equal("perCondition");
    }

    [Fact]
    public void A_simulation_gives_up_when_asked_to_even_in_the_middle_of_a_long_study()
    {
        var goal = new StudyGoal(GoalKind.BeatsBaseline, BudgetPerUnit: StudyGoal.MaxBudgetPerUnit);
        var truth = SampleSize.Truth(Baseline, new PlanningAssumptions(Effect: 0));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var run = () => StudySimulation.Run(goal, truth, 100, 50, 20, adaptive: true, new Random(1), cancellationToken: cancelled.Token);

        run.Should().Throw<OperationCanceledException>();
    }
}
