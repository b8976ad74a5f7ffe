using Platform.Studies;

namespace Platform.Tests.Studies;

/// <summary>Test data: valid settings to vary with <c>with</c>, studies folded from their events, ready videos.</summary>
internal static class A
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    public static readonly Guid StudyId = Guid.Parse("5e1f0c2a-0000-4000-8000-000000000001");

    public static StudySettings Pairwise(params string[] conditions) => new(
        "Motion quality", "Watch both videos to the end.", StudyKind.Pairwise, PairwiseScale.ThreeWay,
        "Which video moves more plausibly?", null, Conditions(conditions.Length == 0 ? ["a", "b"] : conditions), [],
        PairingRule.AllPairs, JudgmentsPerTrial: 3, TrialsPerParticipant: 10, GoldRate: 0, "DONE-1234", null);

    public static StudySettings Rating(params string[] conditions) => Pairwise(conditions.Length == 0 ? ["a"] : conditions) with
    {
        Kind = StudyKind.Rating,
        Question = "Does the body stay plausible?",
        SuccessCriterion = "Success: the human body stays anatomically plausible throughout",
    };

    public static StudySettings AgainstBaseline(this StudySettings settings, string baseline) => settings with
    {
        Pairing = PairingRule.AgainstBaseline,
        Conditions = [.. settings.Conditions.Select(c => c with { IsBaseline = c.Key == baseline })],
    };

    public static StudySettings WithTasks(this StudySettings settings, params string[] tasks) => settings with { Tasks = tasks };

    public static Study Draft(StudySettings? settings = null) =>
        Study.Create(new StudyCreated(StudyId, DesigningStudy.Validate(settings ?? Pairwise()), Guid.NewGuid(), Now));

    public static Study Opened(this Study study)
    {
        study.Apply(new StudyOpened(study.Id, Guid.NewGuid(), Now));
        return study;
    }

    public static Study Paused(this Study study)
    {
        study.Apply(new StudyPaused(study.Id, Guid.NewGuid(), Now));
        return study;
    }

    public static Study Closed(this Study study)
    {
        study.Apply(new StudyClosed(study.Id, Guid.NewGuid(), Now));
        return study;
    }

    /// <summary>A ready video uploaded <paramref name="minute"/> minutes after <see cref="Now"/>.</summary>
    public static ReadyVideo Ready(string condition, string prompt, int? seed = 1, int minute = 0) =>
        new(Guid.NewGuid(), condition, prompt, "walking", seed, Now.AddMinutes(minute));

    private static List<Condition> Conditions(IEnumerable<string> keys) =>
        [.. keys.Select(k => new Condition(k, $"Model {k.ToUpperInvariant()}", false))];
}
