using Platform.Results;
using Platform.Tests.Studies;
using Platform.Voting;

namespace Platform.Tests.Results;

/// <summary>Test data: judgments as the results see them.</summary>
internal static class Judgments
{
    /// <summary>A pairwise answer; <paramref name="unit"/> defaults to one unit per call.</summary>
    public static Judgment Pair(string left, string right, Choice choice, string participant = "p1", string task = "dance", string? unit = null, int decisionMs = 3000) =>
        new(participant, unit ?? Guid.NewGuid().ToString("N"), "a dancer spins", task, left, right, choice, decisionMs, A.Now);

    public static Judgment Rated(string condition, bool success, string participant = "p1", string task = "dance", string? unit = null, int decisionMs = 3000) =>
        new(participant, unit ?? Guid.NewGuid().ToString("N"), "a dancer spins", task, condition, null, success ? Choice.Success : Choice.Failure, decisionMs, A.Now);

    public static Judgment Gold(bool correct, string participant = "p1", int decisionMs = 3000) =>
        new(participant, Guid.NewGuid().ToString("N"), "", "", "a", AssigningTrial.DegradedCondition, correct ? Choice.Left : Choice.Right, decisionMs, A.Now, IsGold: true, Correct: correct);

    public static IEnumerable<Judgment> Times(this Judgment judgment, int count) =>
        Enumerable.Range(0, count).Select(i => judgment with { Unit = $"{judgment.Unit}-{i}", ParticipantId = judgment.ParticipantId });

    public static StudyResults Compute(this IEnumerable<Judgment> judgments, Platform.Studies.StudySettings settings, ResultsOptions? options = null) =>
        ResultsCalculator.Compute(A.StudyId, 7, Platform.Studies.DesigningStudy.Validate(settings), [.. judgments], options ?? new ResultsOptions(Resamples: 200));
}
