using Platform.Studies;

namespace Platform.Tests.Studies;

public sealed class StudySimulationTests
{
    private static readonly StudySettings Baseline = A.Pairwise("a", "b", "c", "base").AgainstBaseline("base") with
    {
        JudgmentsPerTrial = 50,
        Goal = new StudyGoal(GoalKind.BeatsBaseline, BudgetPerUnit: 400),
    };

    [Fact]
    public void Between_conditions_all_equal_to_the_baseline_adaptive_studies_decide_anything_at_most_alpha_of_the_time()
    {
        var truth = SampleSize.Truth(Baseline, new PlanningAssumptions(Effect: 0, TieRate: 0.4));
        var random = new Random(3);

        var studies = Enumerable.Range(0, 300).Select(_ => StudySimulation.Run(Baseline.Goal!, truth, 10, 50, 20, adaptive: true, random)).ToList();

        (studies.Count(s => s.Wrong) / 300.0).Should().BeLessThanOrEqualTo(0.05);
        studies.Where(s => !s.Wrong).Should().OnlyContain(s => s.Judgments == 1200 && s.Final.Units.All(u => u.State == UnitState.BudgetSpent));
    }

    [Fact]
    public void Adaptive_assignment_stops_decided_pairs_early_where_uniform_assignment_runs_every_pair_to_the_slowest()
    {
        var truth = SampleSize.Truth(Baseline, new PlanningAssumptions(TieRate: 0.3, PerCondition: new Dictionary<string, double> { ["a"] = 0.6, ["b"] = 0.4, ["c"] = 0.1 }));
        var random = new Random(4);

        var adaptive = StudySimulation.Run(Baseline.Goal!, truth, 10, 50, 20, adaptive: true, random);
        var uniform = StudySimulation.Run(Baseline.Goal!, truth, 10, 50, 20, adaptive: false, random);

        adaptive.Final.Met.Should().BeTrue();
        uniform.Judgments.Should().BeGreaterThan(adaptive.Judgments * 3 / 2);
        adaptive.Final.Units.Single(u => u.Unit == "a vs base").N.Should().BeLessThan(adaptive.Final.Units.Single(u => u.Unit == "c vs base").N);
    }

    [Fact]
    public void The_true_top_condition_is_the_one_that_beats_every_other()
    {
        var ranking = A.Pairwise("a", "b", "c") with { Goal = new StudyGoal(GoalKind.TopCondition) };

        StudySimulation.TrueTop(SampleSize.Truth(ranking, new PlanningAssumptions(EloStep: 100))).Should().Be("a");
        StudySimulation.TrueTop(SampleSize.Truth(ranking, new PlanningAssumptions(EloStep: 0))).Should().BeNull();
    }
}
