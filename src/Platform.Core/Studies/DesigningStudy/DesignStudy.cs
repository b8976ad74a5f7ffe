using Platform.Common;

namespace Platform.Studies;

/// <param name="TrialKey">A new secret for the study's trial ids (<see cref="StableId.NewKey"/>).</param>
/// <param name="CompletionCode">The code given when the settings leave it out (<see cref="CompletionCodes.New"/>).</param>
public sealed record DesignStudy(Guid StudyId, StudySettings Settings, Guid By, string? TrialKey = null, string? CompletionCode = null);

public static class DesigningStudy
{
    public const int MaxJudgmentsPerTrial = 50;
    public const int MaxTrialsPerParticipant = 500;
    public const double MaxGoldRate = 0.5;
    public const int MaxTrialTimeoutMinutes = 120;

    public static StudyCreated Handle(DesignStudy command, DateTimeOffset now)
    {
        var settings = command.Settings;
        if (string.IsNullOrWhiteSpace(settings.CompletionCode) && command.CompletionCode is { } code)
            settings = settings with { CompletionCode = code };
        return new(command.StudyId, Validate(settings), command.By, now, command.TrialKey);
    }

    /// <summary>Trims and checks the settings; every problem found is named, in one message and by field.</summary>
    public static StudySettings Validate(StudySettings settings)
    {
        var s = Normalise(settings);
        var problems = new FieldProblems();
        if (s.Title.Length is 0 or > 200) problems.Add("title", "a title of 1 to 200 characters");
        if (s.PublicTitle is { Length: > 200 }) problems.Add("publicTitle", "a title for participants of at most 200 characters (or none)");
        if (s.Question.Length == 0) problems.Add("question", "the question evaluators answer");
        if (s.Kind == StudyKind.Rating && string.IsNullOrEmpty(s.SuccessCriterion))
            problems.Add("successCriterion", "the success criterion of a rating study (e.g. \"Success: the human body stays anatomically plausible throughout\")");

        CheckConditions(s, problems);

        if (s.Tasks.Any(t => t.Length is 0 or > 60)) problems.Add("tasks", "task names of 1 to 60 characters");
        if (s.Tasks.Distinct(StringComparer.OrdinalIgnoreCase).Count() != s.Tasks.Count) problems.Add("tasks", "task names that differ");
        if (s.JudgmentsPerTrial is < 1 or > MaxJudgmentsPerTrial) problems.Add("judgmentsPerTrial", $"1 to {MaxJudgmentsPerTrial} judgments per trial");
        if (s.TrialsPerParticipant is < 0 or > MaxTrialsPerParticipant)
            problems.Add("trialsPerParticipant", $"1 to {MaxTrialsPerParticipant} trials per participant (or none: every trial there is when the study opens)");
        if (double.IsNaN(s.GoldRate) || s.GoldRate is < 0 or > MaxGoldRate) problems.Add("goldRate", $"a gold-trial rate between 0 and {MaxGoldRate}");
        foreach (var (field, expected) in s.Goal?.Problems(s) ?? []) problems.Add(field, expected);
        if (s.FullStudyCode is { Length: > 100 }) problems.Add("fullStudyCode", "a code for participants who arrive when the study is full of at most 100 characters (or none)");
        if (s.CompletionCode.Length is 0 or > 100) problems.Add("completionCode", "a completion code of 1 to 100 characters (Prolific shows it to check completion)");
        // Participants type these codes in: one line, nothing they cannot see.
        if (!Typeable(s.CompletionCode)) problems.Add("completionCode", "a completion code on one line of visible characters (plain spaces allowed)");
        if (s.FullStudyCode is { } full && !Typeable(full))
            problems.Add("fullStudyCode", "a code for participants who arrive when the study is full on one line of visible characters (plain spaces allowed)");
        if (s.CompletionUrl is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            problems.Add("completionUrl", "a completion redirect URL that starts with https:// (or none)");

        CheckExclusions(s, problems);

        problems.ThrowIfAny("The study needs ");
        return s;
    }

    /// <summary>No line breaks, tabs or other spaces than the plain one, and no invisible (format) characters such as zero-width spaces.</summary>
    private static bool Typeable(string code) => code.All(c => c == ' ' || !(char.IsControl(c) || char.IsWhiteSpace(c)
        || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator));

    private static void CheckConditions(StudySettings s, FieldProblems problems)
    {
        var minimum = s.Kind == StudyKind.Pairwise ? 2 : 1;
        if (s.Conditions.Count < minimum) problems.Add("conditions", $"at least {minimum} condition{(minimum > 1 ? "s" : "")}");
        var seen = new HashSet<string>(ConditionKeys.Comparer);
        for (var i = 0; i < s.Conditions.Count; i++)
        {
            var c = s.Conditions[i];
            if (!ConditionKeys.IsValid(c.Key)) problems.Add($"conditions[{i}].key", $"a condition key '{c.Key}' of {ConditionKeys.Rule}");
            else if (!seen.Add(c.Key)) problems.Add($"conditions[{i}].key", $"condition keys that differ, ignoring case ('{c.Key}' is used twice)");
            if (c.Label.Length == 0) problems.Add($"conditions[{i}].label", "a label for every condition");
        }
        var baselines = s.Conditions.Count(c => c.IsBaseline);
        if (baselines > 1) problems.Add("conditions", "at most one baseline condition");
        if (s.Pairing == PairingRule.AgainstBaseline && s.Kind == StudyKind.Pairwise && baselines != 1)
            problems.Add("pairing", "exactly one baseline condition to compare each condition against");
    }

    private static void CheckExclusions(StudySettings s, FieldProblems problems)
    {
        if (s.Exclusions!.MaxGoldFailureRate is { } failed && (double.IsNaN(failed) || failed is < 0 or > 1))
            problems.Add("exclusions.maxGoldFailureRate", "a gold failure rate for exclusion between 0 and 1 (or none)");
        if (s.Exclusions.MinGoldFailures is < 1 or > MaxTrialsPerParticipant)
            problems.Add("exclusions.minGoldFailures", "a number of failed gold trials before exclusion of 1 or more (or none)");
        if (s.TrialTimeoutMinutes is { } timeout && (double.IsNaN(timeout) || timeout is < 1 or > MaxTrialTimeoutMinutes))
            problems.Add("trialTimeoutMinutes", $"a trial timeout of 1 to {MaxTrialTimeoutMinutes} minutes (or none: ten times the longest video, at least 3 minutes)");
        if (s.Exclusions.MinMedianDecisionMs is < 0 or > Voting.RecordingJudgment.MaxDecisionMs)
            problems.Add("exclusions.minMedianDecisionMs", "a minimum median decision time for exclusion of 0 ms or more (or none)");
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
        FullStudyCode = string.IsNullOrWhiteSpace(s.FullStudyCode) ? null : s.FullStudyCode.Trim(),
        Exclusions = s.Exclusions ?? ExclusionRules.None,
    };
}
