using System.Text.RegularExpressions;
using Platform.Common;

namespace Platform.Studies;

/// <param name="TrialKey">A new secret for the study's trial ids (<see cref="StableId.NewKey"/>).</param>
public sealed record DesignStudy(Guid StudyId, StudySettings Settings, Guid By, string? TrialKey = null);

public static partial class DesigningStudy
{
    public const int MaxJudgmentsPerTrial = 50;
    public const int MaxTrialsPerParticipant = 500;
    public const double MaxGoldRate = 0.5;
    public const int MaxTrialTimeoutMinutes = 120;

    public static StudyCreated Handle(DesignStudy command, DateTimeOffset now) =>
        new(command.StudyId, Validate(command.Settings), command.By, now, command.TrialKey);

    /// <summary>Trims and checks the settings; every problem found is named in one message.</summary>
    public static StudySettings Validate(StudySettings settings)
    {
        var s = Normalise(settings);
        var problems = new List<string>();
        if (s.Title.Length is 0 or > 200) problems.Add("a title of 1 to 200 characters");
        if (s.PublicTitle is { Length: > 200 }) problems.Add("a title for participants of at most 200 characters (or none)");
        if (s.Question.Length == 0) problems.Add("the question evaluators answer");
        if (s.Kind == StudyKind.Rating && string.IsNullOrEmpty(s.SuccessCriterion))
            problems.Add("the success criterion of a rating study (e.g. \"Success: the human body stays anatomically plausible throughout\")");

        var minimum = s.Kind == StudyKind.Pairwise ? 2 : 1;
        if (s.Conditions.Count < minimum) problems.Add($"at least {minimum} condition{(minimum > 1 ? "s" : "")}");
        foreach (var bad in s.Conditions.Where(c => !KeyPattern().IsMatch(c.Key)).Select(c => c.Key))
            problems.Add($"a condition key '{bad}' of lower-case letters, digits, '-' or '_' (at most 40)");
        foreach (var twice in s.Conditions.GroupBy(c => c.Key).Where(g => g.Count() > 1).Select(g => g.Key))
            problems.Add($"condition keys that differ ('{twice}' is used twice)");
        if (s.Conditions.Any(c => c.Label.Length == 0)) problems.Add("a label for every condition");
        var baselines = s.Conditions.Count(c => c.IsBaseline);
        if (baselines > 1) problems.Add("at most one baseline condition");
        if (s.Pairing == PairingRule.AgainstBaseline && s.Kind == StudyKind.Pairwise && baselines != 1)
            problems.Add("exactly one baseline condition to compare each condition against");

        if (s.Tasks.Any(t => t.Length is 0 or > 60)) problems.Add("task names of 1 to 60 characters");
        if (s.Tasks.Distinct(StringComparer.OrdinalIgnoreCase).Count() != s.Tasks.Count) problems.Add("task names that differ");
        if (s.JudgmentsPerTrial is < 1 or > MaxJudgmentsPerTrial) problems.Add($"1 to {MaxJudgmentsPerTrial} judgments per trial");
        if (s.TrialsPerParticipant is < 1 or > MaxTrialsPerParticipant) problems.Add($"1 to {MaxTrialsPerParticipant} trials per participant");
        if (double.IsNaN(s.GoldRate) || s.GoldRate is < 0 or > MaxGoldRate) problems.Add($"a gold-trial rate between 0 and {MaxGoldRate}");
        if (s.CompletionCode.Length is 0 or > 100) problems.Add("a completion code of 1 to 100 characters (Prolific shows it to check completion)");
        if (s.CompletionUrl is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            problems.Add("a completion redirect URL that starts with https:// (or none)");

        if (s.Exclusions!.MaxGoldFailureRate is { } failed && (double.IsNaN(failed) || failed is < 0 or > 1))
            problems.Add("a gold failure rate for exclusion between 0 and 1 (or none)");
        if (s.Exclusions.MinGoldFailures is < 1 or > MaxTrialsPerParticipant)
            problems.Add("a number of failed gold trials before exclusion of 1 or more (or none)");
        if (s.TrialTimeoutMinutes is { } timeout && (double.IsNaN(timeout) || timeout is < 1 or > MaxTrialTimeoutMinutes))
            problems.Add($"a trial timeout of 1 to {MaxTrialTimeoutMinutes} minutes (or none: ten times the longest video, at least 3 minutes)");
        if (s.Exclusions.MinMedianDecisionMs is < 0 or > Voting.RecordingJudgment.MaxDecisionMs)
            problems.Add("a minimum median decision time for exclusion of 0 ms or more (or none)");

        if (problems.Count > 0)
            throw new DomainException("The study needs " + string.Join("; ", problems) + ".");
        return s;
    }

    private static StudySettings Normalise(StudySettings s) => s with
    {
        Title = (s.Title ?? string.Empty).Trim(),
        PublicTitle = string.IsNullOrWhiteSpace(s.PublicTitle) ? null : s.PublicTitle.Trim(),
        Instructions = (s.Instructions ?? string.Empty).Trim(),
        Question = (s.Question ?? string.Empty).Trim(),
        SuccessCriterion = string.IsNullOrWhiteSpace(s.SuccessCriterion) ? null : s.SuccessCriterion.Trim(),
        Conditions = [.. (s.Conditions ?? []).Select(c => c with
        {
            Key = (c.Key ?? string.Empty).Trim(),
            Label = (c.Label ?? string.Empty).Trim(),
            Settings = c.Settings ?? new Dictionary<string, string>(),
        })],
        Tasks = [.. (s.Tasks ?? []).Select(t => (t ?? string.Empty).Trim())],
        CompletionCode = (s.CompletionCode ?? string.Empty).Trim(),
        CompletionUrl = string.IsNullOrWhiteSpace(s.CompletionUrl) ? null : s.CompletionUrl.Trim(),
        Exclusions = s.Exclusions ?? ExclusionRules.None,
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,39}$")]
    private static partial Regex KeyPattern();
}
