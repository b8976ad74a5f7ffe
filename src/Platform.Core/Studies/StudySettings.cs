using System.ComponentModel.DataAnnotations;
using System.Runtime.InteropServices;
using Platform.Common;

namespace Platform.Studies;

public enum StudyKind
{
    /// <summary>Two candidates of one prompt side by side.</summary>
    Pairwise,
    /// <summary>One candidate judged a success or a failure.</summary>
    Rating,
}

public enum PairwiseScale
{
    /// <summary>Left / same / right.</summary>
    ThreeWay,
    /// <summary>Left / right, no ties.</summary>
    TwoWay,
}

public enum PairingRule
{
    AllPairs,
    AgainstBaseline,
}

public enum StudyStatus
{
    Draft,
    Open,
    Paused,
    Closed,
}

/// <summary>One arm of a study: a model with its settings. Evaluators never see its key or label.</summary>
public sealed record Condition(
    [property: MaxLength(ConditionKeys.MaxLength)] string Key,
    [property: MaxLength(Limits.Name)] string Label,
    bool IsBaseline,
    [property: MaxLength(100)] IReadOnlyDictionary<string, string>? Settings = null);

/// <summary>
/// Which participants the results leave out ("after exclusions"). Null rules are off.
/// </summary>
/// <param name="MaxGoldFailureRate">Exclude a participant who failed more than this share of their gold trials.</param>
/// <param name="MinMedianDecisionMs">Exclude a participant whose median decision time is below this (answering too fast to have watched).</param>
/// <param name="MinGoldFailures">
/// The gold rule excludes only someone who failed at least this many gold trials (null: one is enough). Prolific's
/// attention-check policy allows rejecting a participant only after two failed checks; new studies start at 2.
/// </param>
public sealed record ExclusionRules(double? MaxGoldFailureRate = null, int? MinMedianDecisionMs = null, int? MinGoldFailures = null)
{
    public static readonly ExclusionRules None = new();
}

/// <summary>Everything a researcher decides about a study.</summary>
/// <param name="Title">The researchers' own name of the study; participants never see it (it may name the conditions).</param>
/// <param name="PublicTitle">The title participants see; none: <see cref="DefaultPublicTitle"/>.</param>
/// <param name="TrialTimeoutMinutes">How long a trial handed out stays its participant's before it goes back to the pool;
/// none: ten times the study's longest video, at least 3 minutes (<see cref="Voting.HoldingSlots.HoldFor"/>).</param>
/// <param name="JudgmentsPerTrial">Overlap k: how many different participants judge each trial. Optional in the API (3 when
/// left out): the attributes give it a default although later parameters have none, and JSON binding honours it.</param>
/// <param name="TrialsPerParticipant">How many trials one participant takes; <see cref="EveryTrial"/> (the API's default)
/// until the study opens, then fixed.</param>
/// <param name="CompletionCode">The code Prolific checks; a new study left without one gets a random one.</param>
/// <param name="Goal">An adaptive study's goal (<see cref="StudyGoal"/>); none: every trial gets k judgments.</param>
/// <param name="FullStudyCode">What a participant who arrives after the study is full (or closed) is given: none asks them
/// to return the study on Prolific unpaid; a code (the completion code, or a Prolific screen-out code) pays them.</param>
public sealed record StudySettings(
    [property: MaxLength(Limits.Name)] string Title,
    string Instructions,
    StudyKind Kind,
    PairwiseScale Scale,
    [property: MaxLength(Limits.Prompt)] string Question,
    [property: MaxLength(Limits.Prompt)] string? SuccessCriterion,
    [property: MaxLength(StudySettings.MaxConditions)] IReadOnlyList<Condition> Conditions,
    [property: MaxLength(Limits.List)] IReadOnlyList<string> Tasks,
    PairingRule Pairing,
    [Optional, DefaultParameterValue(StudySettings.DefaultJudgmentsPerTrial)] int JudgmentsPerTrial,
    [Optional, DefaultParameterValue(StudySettings.EveryTrial)] int TrialsPerParticipant,
    double GoldRate,
    [property: MaxLength(Limits.Name)] string CompletionCode,
    [property: MaxLength(Limits.Name * 10)] string? CompletionUrl,
    ExclusionRules? Exclusions = null,
    string? PublicTitle = null,
    double? TrialTimeoutMinutes = null,
    StudyGoal? Goal = null,
    [property: MaxLength(Limits.Name)] string? FullStudyCode = null)
{
    public const int DefaultJudgmentsPerTrial = 3;

    /// <summary>
    /// Trials per participant left open: each participant may take every trial the study has when it opens (gold trials
    /// added), fixed then (<see cref="RunningStudy.TrialsWhenOpening"/>). The API's default.
    /// </summary>
    public const int EveryTrial = 0;

    /// <summary>Conditions a study compares at most (every pair of 50 is already 1,225 pairs per prompt).</summary>
    public const int MaxConditions = 50;

    public const string DefaultPublicTitle = "Video study";

    /// <summary>What participants see as the study's title.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string ShownToParticipants => PublicTitle ?? DefaultPublicTitle;
}
