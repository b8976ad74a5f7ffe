using System.Globalization;
using Platform.Studies;

namespace Platform.Benchmarks;

/// <summary>
/// The adaptive-study simulation (docs/BENCHMARKS.md, "Adaptive studies"): synthetic studies with known chances, run
/// with uniform (fixed-k) and adaptive assignment through the same Core rules the platform runs, many seeds each.
/// Reports the judgments to reach the goal (median, 90th percentile), the coverage of the final intervals, the error
/// rate of the stopping rule, and the planner's estimate against the simulated median.
/// </summary>
public static class AdaptiveHarness
{
    /// <param name="Misjudged">The planner's assumptions wrong by 20 %: every effect (G − B, Elo gap, distance of a rate from ½) a fifth larger.</param>
    private sealed record Design(string Name, StudySettings Settings, PlanningAssumptions Truth, PlanningAssumptions Misjudged);

    public static int Run(string[] args)
    {
        // adaptive [studies per design and policy] [part of a design's name or goal, to run only those]
        var studies = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        var only = args.Length > 2 ? args[2] : "";
        MachineInfo.Print(args);
        Console.WriteLine();
        Console.WriteLine("| design | goal | uniform median (p90) | adaptive median (p90) | uniform ÷ adaptive | coverage | stopping error | planner (÷ median) | planner, effects 20 % off |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var design in Designs().Where(d => (d.Name + " " + d.Settings.Goal!.Describe()).Contains(only, StringComparison.OrdinalIgnoreCase)))
        {
            var started = DateTime.UtcNow;
            var goal = design.Settings.Goal!;
            var truth = SampleSize.Truth(design.Settings, design.Truth);
            var judged = SampleSize.JudgedPerParticipant(design.Settings, truth.Count * design.Truth.Prompts);
            var uniform = Simulate(design, truth, judged, studies, adaptive: false, seed: 1);
            var adaptive = Simulate(design, truth, judged, studies, adaptive: true, seed: 2);
            var plan = SampleSize.Estimate(design.Settings, design.Truth with { Simulations = 200 }, seed: 3);
            var off = SampleSize.Estimate(design.Settings, design.Misjudged with { Simulations = 200 }, seed: 4);
            var (uMedian, uP90) = Spread(uniform);
            var (aMedian, aP90) = Spread(adaptive);
            var all = uniform.Concat(adaptive).ToList();
            var coverage = all.Sum(s => s.Covered) / (double)all.Sum(s => s.Intervals);
            // Decision goals: the share of studies with any wrong decision; precision goals: the share of final intervals missing the truth.
            var error = goal.Kind is GoalKind.BeatsBaseline or GoalKind.TopCondition ? all.Count(s => s.Wrong) / (double)all.Count : 1 - coverage;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {design.Name} | {goal.Describe()} (α = {goal.Alpha}, budget {goal.BudgetPerUnit}) | {uMedian:0} ({uP90:0}) | {aMedian:0} ({aP90:0}) | {uMedian / aMedian:0.00}× | {coverage:P1} | {error:P2} | {plan.Judgments} ({plan.Judgments / aMedian:0.00}) | {off.Judgments} ({off.Judgments / aMedian:0.00}) |"));
            Console.Error.WriteLine($"{design.Name}: {2 * studies} studies in {(DateTime.UtcNow - started).TotalSeconds:0} s");
        }
        return 0;
    }

    private static List<SimulatedStudy> Simulate(Design design, IReadOnlyList<UnitTruth> truth, int judged, int studies, bool adaptive, int seed)
    {
        var results = new SimulatedStudy[studies];
        Parallel.For(0, studies, i => results[i] = StudySimulation.Run(design.Settings.Goal!, truth, design.Truth.Prompts,
            design.Settings.JudgmentsPerTrial, judged, adaptive, new Random(seed * 1_000_003 + i), SampleSize.TiesPossible(design.Settings)));
        return [.. results];
    }

    private static (double Median, double P90) Spread(List<SimulatedStudy> studies)
    {
        var sorted = studies.Select(s => (double)s.Judgments).Order().ToArray();
        return (sorted[(sorted.Length - 1) / 2], sorted[(int)Math.Ceiling(0.9 * sorted.Length) - 1]);
    }

    private static IEnumerable<Design> Designs()
    {
        var pairwise = new StudySettings("sim", "", StudyKind.Pairwise, PairwiseScale.ThreeWay, "Which is better?", null, [], ["t"],
            PairingRule.AllPairs, 150, 20, 0.1, "CODE", null);
        var six = Enumerable.Range(0, 6).Select(i => new Condition($"m{i}", $"Model {i}", false)).ToList();
        var ten = Enumerable.Range(0, 10).Select(i => new Condition($"m{i}", $"Model {i}", false)).Append(new Condition("base", "Baseline", true)).ToList();
        var elo = six.Select((c, i) => (c.Key, Value: -120.0 * i)).ToDictionary(p => p.Key, p => p.Value);
        double[] preference = [0.55, 0.5, 0.45, 0.4, 0.35, 0.3, 0.25, 0.15, -0.2, -0.4];
        Dictionary<string, double> Effects(double ties) => ten.Take(10).Select((c, i) => (c.Key, Value: preference[i] * (1 - ties))).ToDictionary(p => p.Key, p => p.Value);

        static Dictionary<string, double> Scaled(Dictionary<string, double> values, Func<double, double> change) => values.ToDictionary(p => p.Key, p => change(p.Value));
        PlanningAssumptions Assumed(double ties, Dictionary<string, double> values) => new(TieRate: ties, PerCondition: values, Prompts: 10);

        foreach (var ties in new[] { 0.3, 0.6 })
        {
            yield return new Design($"6 conditions, all pairs, {ties:P0} ties", pairwise with { Conditions = six, Goal = new StudyGoal(GoalKind.TopCondition, BudgetPerUnit: 1500) },
                Assumed(ties, elo), Assumed(ties, Scaled(elo, v => v * 1.2)));
        }
        var closer = six.Select((c, i) => (c.Key, Value: -80.0 * i)).ToDictionary(p => p.Key, p => p.Value);
        yield return new Design("6 conditions, all pairs, 30 % ties", pairwise with { Conditions = six, Goal = new StudyGoal(GoalKind.RankingPrecision, BudgetPerUnit: 1500, EloWidth: 150) },
            Assumed(0.3, closer), Assumed(0.3, Scaled(closer, v => v * 1.2)));
        foreach (var ties in new[] { 0.3, 0.5, 0.7 })
        {
            yield return new Design($"10 conditions against a baseline, {ties:P0} ties",
                pairwise with { Conditions = ten, Pairing = PairingRule.AgainstBaseline, Goal = new StudyGoal(GoalKind.BeatsBaseline, BudgetPerUnit: 1500) },
                Assumed(ties, Effects(ties)), Assumed(ties, Scaled(Effects(ties), v => v * 1.2)));
        }
        // The stopping rule's error where it can err most: four conditions exactly as good as the baseline.
        var nulls = Effects(0.3).ToDictionary(p => p.Key, p => p.Key is "m3" or "m5" or "m7" or "m9" ? 0 : p.Value);
        yield return new Design("10 conditions against a baseline, 4 equal to it, 30 % ties",
            pairwise with { Conditions = ten, Pairing = PairingRule.AgainstBaseline, Goal = new StudyGoal(GoalKind.BeatsBaseline, BudgetPerUnit: 1500) },
            Assumed(0.3, nulls), Assumed(0.3, Scaled(nulls, v => v * 1.2)));
        yield return new Design("10 conditions against a baseline, 30 % ties",
            pairwise with { Conditions = ten, Pairing = PairingRule.AgainstBaseline, Goal = new StudyGoal(GoalKind.DifferencePrecision, HalfWidth: 0.15, BudgetPerUnit: 1500) },
            Assumed(0.3, Effects(0.3)), Assumed(0.3, Scaled(Effects(0.3), v => v * 1.2)));
        double[] successes = [0.2, 0.35, 0.5, 0.6, 0.75, 0.9];
        var rates = six.Select((c, i) => (c.Key, Value: successes[i])).ToDictionary(p => p.Key, p => p.Value);
        yield return new Design("rating, 6 conditions",
            pairwise with { Kind = StudyKind.Rating, Conditions = six, SuccessCriterion = "Success", Goal = new StudyGoal(GoalKind.RatePrecision, HalfWidth: 0.1, BudgetPerUnit: 1500) },
            Assumed(0, rates), Assumed(0, Scaled(rates, v => Math.Clamp(0.5 + (v - 0.5) * 1.2, 0, 1))));
    }
}
