namespace Platform.Studies;

/// <summary>
/// What the planner assumes about a study not yet run; every figure can be changed by the researcher.
/// </summary>
/// <param name="Effect">Against a baseline: each condition's expected G − B (the share preferring it minus the share preferring the baseline).</param>
/// <param name="TieRate">The share of "same" answers on a three-way scale (none on a two-way one).</param>
/// <param name="SuccessRate">A rating study: each condition's expected success rate.</param>
/// <param name="EloStep">All pairs: how many Elo points each condition is behind the one listed before it (400 points: 10 : 1 odds).</param>
/// <param name="PerCondition">An expected value per condition key, in place of the single figure: G − B, success rate or Elo rating.</param>
/// <param name="Prompts">Trials per unit: the prompts (and seeds) every condition is generated for.</param>
public sealed record PlanningAssumptions(
    double Effect = 0.2, double TieRate = 0.3, double SuccessRate = 0.7, double EloStep = 100,
    IReadOnlyDictionary<string, double>? PerCondition = null, int Prompts = 20, int Simulations = 200)
{
    /// <summary>What is wrong with these assumptions for a study, by field; empty when nothing is.</summary>
    public IEnumerable<(string Field, string Expected)> Problems(StudySettings? settings = null)
    {
        if (double.IsNaN(Effect) || Effect is < -1 or > 1) yield return ("effect", "an expected G − B between −1 and 1");
        else if (settings is { Kind: StudyKind.Pairwise, Pairing: PairingRule.AgainstBaseline } && Math.Abs(Effect) > 1 - TieRate + 1e-9) yield return ("effect", "an expected G − B no larger than the answers that are not ties allow (1 − tie rate)");
        if (double.IsNaN(TieRate) || TieRate is < 0 or > 0.95) yield return ("tieRate", "a tie rate between 0 and 0.95");
        if (double.IsNaN(SuccessRate) || SuccessRate is < 0 or > 1) yield return ("successRate", "a success rate between 0 and 1");
        if (double.IsNaN(EloStep) || EloStep is < 0 or > 1000) yield return ("eloStep", "an Elo step between 0 and 1000");
        if (Prompts is < 1 or > 1000) yield return ("prompts", "1 to 1000 prompts");
        if (Simulations is < 20 or > 1000) yield return ("simulations", "20 to 1000 simulated studies");
        if (PerCondition?.Values.Any(v => !double.IsFinite(v)) == true) yield return ("perCondition", "numbers for every condition");
        if (settings is null || PerCondition is null) yield break;
        var (fits, expected) = PerConditionRange(settings);
        foreach (var (key, value) in PerCondition)
        {
            var condition = settings.Conditions.FirstOrDefault(c => c.Key == key);
            if (condition is null) yield return ($"perCondition.{key}", $"a condition of the study ('{key}' is none)");
            else if (condition.IsBaseline && settings.Pairing == PairingRule.AgainstBaseline) yield return ($"perCondition.{key}", "no figure for the baseline (it is what the others are compared with)");
            else if (!fits(value)) yield return ($"perCondition.{key}", expected);
        }
    }

    /// <summary>What a per-condition figure is for this study: an Elo rating (all-pairs goals), a success rate (rating studies), or G − B.</summary>
    private (Func<double, bool> Fits, string Expected) PerConditionRange(StudySettings settings) =>
        settings.Goal?.Kind is GoalKind.TopCondition or GoalKind.RankingPrecision ? (v => v is >= -5000 and <= 5000, "an Elo rating between −5000 and 5000")
        : settings.Kind == StudyKind.Rating ? (v => v is >= 0 and <= 1, "a success rate between 0 and 1")
        : (v => Math.Abs(v) <= 1 - TieRate + 1e-9, "an expected G − B no larger, either way, than 1 − tie rate");
}

/// <summary>The planner's answer: judgments and participants an adaptive study needs under the assumptions, and what uniform assignment would.</summary>
/// <param name="GoalMetShare">Share of simulated studies that met the goal itself rather than stopping on budgets or caps.</param>
public sealed record SampleSizeEstimate(
    long Judgments, long JudgmentsP90, long Participants, long ParticipantsP90, long UniformJudgments, double GoalMetShare,
    int Simulations, int JudgedPerParticipant, PlanningAssumptions Assumptions);

/// <summary>
/// Sample size before launch, by simulation: the study's design and goal run <see cref="PlanningAssumptions.Simulations"/>
/// times on made-up participants who answer as assumed (<see cref="StudySimulation"/>), the median and 90th percentile
/// reported. No formula covers adaptive assignment with these stopping rules; the same code the live study runs does.
/// </summary>
public static class SampleSize
{
    /// <param name="cancellationToken">Checked after every simulated judgment (<see cref="StudySimulation.Run"/>): a plan that takes too long can be given up.</param>
    public static SampleSizeEstimate Estimate(StudySettings settings, PlanningAssumptions assumptions, int seed = 1, CancellationToken cancellationToken = default)
    {
        var goal = settings.Goal ?? throw new ArgumentException("Only a study with a goal can be planned.", nameof(settings));
        var truth = Truth(settings, assumptions);
        var judged = JudgedPerParticipant(settings, truth.Count * assumptions.Prompts);
        var random = new Random(seed);
        var ties = TiesPossible(settings);
        var adaptive = Enumerable.Range(0, assumptions.Simulations).Select(_ => Run(adaptive: true)).ToList();
        var uniform = Enumerable.Range(0, Math.Max(20, assumptions.Simulations / 4)).Select(_ => Run(adaptive: false)).ToList();
        SimulatedStudy Run(bool adaptive) =>
            StudySimulation.Run(goal, truth, assumptions.Prompts, settings.JudgmentsPerTrial, judged, adaptive, random, ties, cancellationToken);
        var judgments = adaptive.Select(s => (double)s.Judgments).Order().ToArray();
        var participants = adaptive.Select(s => (double)s.Participants).Order().ToArray();
        return new SampleSizeEstimate(
            (long)Math.Round(Results.Percentile.Of(judgments, 0.5)), (long)Math.Round(Results.Percentile.Of(judgments, 0.9)),
            (long)Math.Round(Results.Percentile.Of(participants, 0.5)), (long)Math.Round(Results.Percentile.Of(participants, 0.9)),
            (long)Math.Round(Results.Percentile.Of(uniform.Select(s => (double)s.Judgments).Order().ToArray(), 0.5)),
            adaptive.Count(s => s.Final.Met && s.Final.Units.All(u => u.State != UnitState.BudgetSpent)) / (double)adaptive.Count,
            adaptive.Count, judged, assumptions);
    }

    /// <summary>Whether the study's answers can be "same": a pairwise study on the three-way scale.</summary>
    public static bool TiesPossible(StudySettings settings) => settings.Kind == StudyKind.Pairwise && settings.Scale == PairwiseScale.ThreeWay;

    /// <summary>Trials a participant judges, gold ones left out: the study's trials per participant, or every trial there is.</summary>
    public static int JudgedPerParticipant(StudySettings settings, int plannedTrials)
    {
        var trials = settings.TrialsPerParticipant == StudySettings.EveryTrial
            ? RunningStudy.TrialsWhenOpening(plannedTrials, settings.GoldRate)
            : settings.TrialsPerParticipant;
        return Math.Max(1, trials - GoldSchedule.Count(trials, settings.GoldRate));
    }

    /// <summary>The chances each unit's answers follow under the assumptions.</summary>
    public static IReadOnlyList<UnitTruth> Truth(StudySettings settings, PlanningAssumptions a)
    {
        var ties = settings.Kind == StudyKind.Pairwise && settings.Scale == PairwiseScale.ThreeWay ? a.TieRate : 0;
        double Value(string key, double fallback) => a.PerCondition?.GetValueOrDefault(key, fallback) ?? fallback;
        var elo = settings.Conditions.Select((c, i) => (c.Key, Elo: Value(c.Key, -a.EloStep * i))).ToDictionary(p => p.Key, p => p.Elo);
        return [.. GoalUnits.Units(settings).Select(unit =>
        {
            if (unit.Second is null) return new UnitTruth(unit, Math.Clamp(Value(unit.First, a.SuccessRate), 0, 1), 0);
            if (settings.Pairing == PairingRule.AgainstBaseline)
            {
                var effect = Math.Clamp(Value(unit.First, a.Effect), -(1 - ties), 1 - ties);
                return new UnitTruth(unit, (1 - ties + effect) / 2, ties);
            }
            var first = 1 / (1 + Math.Pow(10, (elo[unit.Second] - elo[unit.First]) / 400));
            return new UnitTruth(unit, (1 - ties) * first, ties);
        })];
    }
}
