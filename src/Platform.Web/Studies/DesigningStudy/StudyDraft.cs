using System.Globalization;
using Platform.Studies;

namespace Platform.Web.Studies;

/// <summary>The editable form of a study's settings: mutable, with conditions' settings as "name = value" lines.</summary>
public sealed class StudyDraft
{
    public string Title { get; set; } = string.Empty;
    public string? PublicTitle { get; set; }
    public string Instructions { get; set; } = "Watch both videos to the end, then answer the question.";
    public StudyKind Kind { get; set; } = StudyKind.Pairwise;
    public PairwiseScale Scale { get; set; } = PairwiseScale.ThreeWay;
    public string Question { get; set; } = "Which video shows more physically plausible motion?";
    public string? SuccessCriterion { get; set; }
    public List<ConditionDraft> Conditions { get; set; } = [new() { Key = "base", Label = "Base model", IsBaseline = true }, new() { Key = "ours", Label = "Ours" }];
    public string Tasks { get; set; } = string.Empty;
    public PairingRule Pairing { get; set; } = PairingRule.AgainstBaseline;
    public int JudgmentsPerTrial { get; set; } = StudySettings.DefaultJudgmentsPerTrial;
    /// <summary>Empty: every trial the study has when it opens (<see cref="StudySettings.EveryTrial"/>).</summary>
    public int? TrialsPerParticipant { get; set; }
    public double GoldRate { get; set; } = 0.1;
    public string CompletionCode { get; set; } = string.Empty;
    public string? CompletionUrl { get; set; }
    public double? MaxGoldFailureRate { get; set; }
    public int? MinMedianDecisionMs { get; set; }
    /// <summary>Prolific's attention-check policy: rejecting needs at least two failed checks.</summary>
    public int? MinGoldFailures { get; set; } = 2;
    public double? TrialTimeoutMinutes { get; set; }
    /// <summary>None: a fixed-k study.</summary>
    public GoalKind? GoalKind { get; set; }
    public double GoalHalfWidth { get; set; } = 0.1;
    public double GoalAlpha { get; set; } = 0.05;
    public int GoalBudget { get; set; } = 1000;
    public int GoalFloor { get; set; } = 1;
    public double GoalEloWidth { get; set; } = 100;
    public string? FullStudyCode { get; set; }

    public StudySettings ToSettings() => new(
        Title, Instructions, Kind, Scale, Question, SuccessCriterion,
        [.. Conditions.Select(c => c.ToCondition())],
        [.. Tasks.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        Pairing, JudgmentsPerTrial, TrialsPerParticipant ?? StudySettings.EveryTrial, GoldRate, CompletionCode, CompletionUrl,
        new ExclusionRules(MaxGoldFailureRate, MinMedianDecisionMs, MinGoldFailures), PublicTitle, TrialTimeoutMinutes,
        GoalKind is { } kind ? new StudyGoal(kind, GoalHalfWidth, GoalAlpha, GoalBudget, GoalFloor, GoalEloWidth) : null, FullStudyCode);

    public static StudyDraft From(StudySettings s) => new()
    {
        Title = s.Title,
        PublicTitle = s.PublicTitle,
        Instructions = s.Instructions,
        Kind = s.Kind,
        Scale = s.Scale,
        Question = s.Question,
        SuccessCriterion = s.SuccessCriterion,
        Conditions = [.. s.Conditions.Select(ConditionDraft.From)],
        Tasks = string.Join(", ", s.Tasks),
        Pairing = s.Pairing,
        JudgmentsPerTrial = s.JudgmentsPerTrial,
        TrialsPerParticipant = s.TrialsPerParticipant == StudySettings.EveryTrial ? null : s.TrialsPerParticipant,
        GoldRate = s.GoldRate,
        CompletionCode = s.CompletionCode,
        CompletionUrl = s.CompletionUrl,
        MaxGoldFailureRate = s.Exclusions?.MaxGoldFailureRate,
        MinMedianDecisionMs = s.Exclusions?.MinMedianDecisionMs,
        MinGoldFailures = s.Exclusions?.MinGoldFailures,
        TrialTimeoutMinutes = s.TrialTimeoutMinutes,
        GoalKind = s.Goal?.Kind,
        GoalHalfWidth = s.Goal?.HalfWidth ?? 0.1,
        GoalAlpha = s.Goal?.Alpha ?? 0.05,
        GoalBudget = s.Goal?.BudgetPerUnit ?? 1000,
        GoalFloor = s.Goal?.FloorPerTrial ?? 1,
        GoalEloWidth = s.Goal?.EloWidth ?? 100,
        FullStudyCode = s.FullStudyCode,
    };
}

public sealed class ConditionDraft
{
    public string Key { get; set; } = string.Empty;
    public string Label { get; set; } = string.Empty;
    public bool IsBaseline { get; set; }

    /// <summary>One "name = value" per line, e.g. "model = ours" and "simdrop = 0.2".</summary>
    public string Settings { get; set; } = string.Empty;

    public Condition ToCondition() => new(Key, Label, IsBaseline, Settings
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(line => line.Split('=', 2, StringSplitOptions.TrimEntries))
        .Where(parts => parts[0].Length > 0)
        .GroupBy(parts => parts[0])
        .ToDictionary(g => g.Key, g => g.Last().ElementAtOrDefault(1) ?? string.Empty));

    public static ConditionDraft From(Condition c) => new()
    {
        Key = c.Key,
        Label = c.Label,
        IsBaseline = c.IsBaseline,
        Settings = string.Join('\n', (c.Settings ?? new Dictionary<string, string>()).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} = {p.Value}"))),
    };
}
