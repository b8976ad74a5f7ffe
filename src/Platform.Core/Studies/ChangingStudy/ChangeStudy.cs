using Platform.Common;

namespace Platform.Studies;

public sealed record ChangeStudy(Guid StudyId, StudySettings Settings, Guid By);

public static class ChangingStudy
{
    /// <param name="judgments">How many judgments the study has collected so far.</param>
    public static StudySettingsChanged? Handle(Study study, ChangeStudy command, int judgments, DateTimeOffset now)
    {
        if (study.Status == StudyStatus.Closed)
            throw new DomainException("The study is closed; its settings can no longer change.", DomainError.Conflict);
        var settings = DesigningStudy.Validate(Unchanged(command.Settings, study.Settings));
        if (SameSettings(settings, study.Settings)) return null;
        if (judgments > 0)
        {
            var breaking = BreakingChanges(study.Settings, settings);
            if (breaking.Count > 0)
            {
                throw new DomainException(
                    $"{judgments} judgment{(judgments == 1 ? " has" : "s have")} been collected, so {string.Join(", ", breaking)} can no longer change: " +
                    "the answers already given would no longer mean what evaluators were asked. Create a new study instead.",
                    DomainError.Conflict);
            }
        }
        return new StudySettingsChanged(study.Id, settings, command.By, now);
    }

    /// <summary>A change that leaves out the completion code or the trials per participant keeps the study's own.</summary>
    private static StudySettings Unchanged(StudySettings asked, StudySettings current) => asked with
    {
        CompletionCode = string.IsNullOrWhiteSpace(asked.CompletionCode) ? current.CompletionCode : asked.CompletionCode,
        TrialsPerParticipant = asked.TrialsPerParticipant == StudySettings.EveryTrial ? current.TrialsPerParticipant : asked.TrialsPerParticipant,
    };

    /// <summary>What a change alters that collected judgments depend on.</summary>
    public static IReadOnlyList<string> BreakingChanges(StudySettings before, StudySettings after)
    {
        var breaking = new List<string>();
        if (before.Kind != after.Kind) breaking.Add("the kind");
        if (before.Kind == StudyKind.Pairwise && before.Scale != after.Scale) breaking.Add("the scale");
        if (before.Question != after.Question) breaking.Add("the question");
        if (before.SuccessCriterion != after.SuccessCriterion) breaking.Add("the success criterion");
        if (before.Pairing != after.Pairing) breaking.Add("the pairing rule");
        foreach (var old in before.Conditions)
        {
            var now = after.Conditions.FirstOrDefault(c => c.Key == old.Key);
            if (now is null) breaking.Add($"condition '{old.Key}' (it cannot be removed)");
            else if (now.IsBaseline != old.IsBaseline || !SameSettings(now.Settings, old.Settings))
                breaking.Add($"the settings or baseline flag of condition '{old.Key}'");
        }
        // The boundaries already checked after every judgment hold only for the goal they were drawn for: its kind,
        // error level and budget (which sets where the boundary is tightest) stay; the floor may change.
        if (before.Goal is null != after.Goal is null || (before.Goal is { } goal && goal with { FloorPerTrial = 0 } != after.Goal! with { FloorPerTrial = 0 }))
            breaking.Add("the goal");
        // Written as before, case included: videos and judgments carry the task as it was spelt.
        foreach (var removed in before.Tasks.Except(after.Tasks, StringComparer.Ordinal))
            breaking.Add($"task '{removed}' (it cannot be removed or renamed, not even in case)");
        return breaking;
    }

    private static bool SameSettings(StudySettings a, StudySettings b) =>
        a with { Conditions = [], Tasks = [] } == b with { Conditions = [], Tasks = [] }
        && a.Tasks.SequenceEqual(b.Tasks)
        && a.Conditions.Count == b.Conditions.Count
        && a.Conditions.Zip(b.Conditions).All(p => p.First.Key == p.Second.Key && p.First.Label == p.Second.Label
            && p.First.IsBaseline == p.Second.IsBaseline && SameSettings(p.First.Settings, p.Second.Settings));

    private static bool SameSettings(IReadOnlyDictionary<string, string>? a, IReadOnlyDictionary<string, string>? b) =>
        (a ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.Ordinal)
            .SequenceEqual((b ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.Ordinal));
}
