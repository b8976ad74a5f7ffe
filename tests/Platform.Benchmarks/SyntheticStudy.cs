using Platform.Results;
using Platform.Studies;
using Platform.Voting;

namespace Platform.Benchmarks;

/// <summary>
/// A large synthetic pairwise study: conditions with known Bradley–Terry strengths, all pairs, three tasks, k = 3
/// participants per trial, one gold trial in ten; answers drawn from the model with a share of ties.
/// </summary>
public static class SyntheticStudy
{
    public static StudySettings Settings(int conditions) => new(
        "Benchmark", "", StudyKind.Pairwise, PairwiseScale.ThreeWay, "Which is better?", null,
        [.. Enumerable.Range(0, conditions).Select(i => new Condition($"c{i:00}", $"Condition {i}", i == 0))],
        ["dance", "gym", "parkour"], PairingRule.AllPairs, 3, 100, 0.1, "DONE", null,
        new ExclusionRules(MaxGoldFailureRate: 0.5, MinMedianDecisionMs: 800));

    public static List<Judgment> Judgments(int count, int conditions, int seed = 7)
    {
        var random = new Random(seed);
        var strength = Enumerable.Range(0, conditions).Select(i => Math.Pow(10, i * 40 / 400.0)).ToArray();
        var tasks = new[] { "dance", "gym", "parkour" };
        var at = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);
        var judgments = new List<Judgment>(count);
        for (var trial = 0; judgments.Count < count; trial++)
        {
            var a = random.Next(conditions);
            var b = (a + 1 + random.Next(conditions - 1)) % conditions;
            var unit = $"trial-{trial}";
            var task = tasks[trial % tasks.Length];
            for (var k = 0; k < 3 && judgments.Count < count; k++)
            {
                var participant = $"p{random.Next(20_000)}";
                var decisionMs = 800 + random.Next(8000);
                if (random.NextDouble() < 0.1)
                {
                    var correct = random.NextDouble() < 0.9;
                    judgments.Add(new Judgment(participant, $"gold-{trial}-{k}", "", "", $"c{a:00}", AssigningTrial.DegradedCondition,
                        correct ? Choice.Left : Choice.Right, decisionMs, at, IsGold: true, Correct: correct));
                    continue;
                }
                var u = random.NextDouble();
                var choice = u < 0.2 ? Choice.Same : u < 0.2 + 0.8 * strength[a] / (strength[a] + strength[b]) ? Choice.Left : Choice.Right;
                judgments.Add(new Judgment(participant, unit, $"prompt {trial % 5000}", task, $"c{a:00}", $"c{b:00}", choice, decisionMs, at.AddSeconds(judgments.Count)));
            }
        }
        return judgments;
    }
}
