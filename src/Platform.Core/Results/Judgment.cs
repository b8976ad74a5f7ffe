using Platform.Voting;

namespace Platform.Results;

/// <summary>
/// One answer as the results see it, whether recorded here or imported. <paramref name="Unit"/> identifies what was
/// judged (the trial), so answers of several participants on one unit can be compared for agreement.
/// <paramref name="Right"/> is null for a rating; <paramref name="DecisionMs"/> is null when unknown (imported); it is the server's measure (from the trial being handed out
/// to the answer arriving) since 2026-12-06, before that the participant's page's own figure, which
/// <paramref name="ClientDecisionMs"/> now holds beside it. A gold trial's answer names the condition of the video
/// both sides (or the one rated) come from, and <paramref name="GoldCopy"/> which copy was shown.
/// </summary>
public sealed record Judgment(
    string ParticipantId,
    string Unit,
    string Prompt,
    string Task,
    string Left,
    string? Right,
    Choice Choice,
    int? DecisionMs,
    DateTimeOffset At,
    bool IsGold = false,
    bool? Correct = null,
    bool Imported = false,
    int? ClientDecisionMs = null,
    string? GoldCopy = null)
{
    /// <summary>A pairwise gold trial: the video against its first frame frozen, shown on the left.</summary>
    public const string FrozenLeft = "frozen-left";

    /// <summary>A pairwise gold trial: the video against its first frame frozen, shown on the right.</summary>
    public const string FrozenRight = "frozen-right";

    /// <summary>A rating gold trial: the video's heavily corrupted copy, rated alone.</summary>
    public const string Corrupted = "corrupted";

    public static Judgment From(JudgmentRecorded e) => From(e, _ => null);

    /// <summary>
    /// A recorded answer; a gold trial's is recorded without prompt or task and with a stand-in condition for the copy
    /// (<see cref="AssigningTrial.DegradedCondition"/>): it gets the prompt, task and condition of the video its copy was
    /// made from (<paramref name="goldVideo"/> by gold trial id), and <see cref="GoldCopy"/> says which copy it showed.
    /// </summary>
    public static Judgment From(JudgmentRecorded e, Func<Guid, GoldVideo?> goldVideo)
    {
        var judgment = new Judgment(
            e.ParticipantId, e.TrialId.ToString("N"), e.Prompt ?? string.Empty, e.Task ?? string.Empty, e.LeftCondition, e.RightCondition,
            e.Choice, e.DecisionMs, e.At, e.IsGold, e.Correct, ClientDecisionMs: e.ClientDecisionMs);
        if (!e.IsGold) return judgment;
        var copy = e.LeftCondition == AssigningTrial.CorruptedCondition ? Corrupted
            : e.LeftCondition == AssigningTrial.DegradedCondition ? FrozenLeft
            : e.RightCondition == AssigningTrial.DegradedCondition ? FrozenRight
            : null;
        var video = goldVideo(e.TrialId);
        var condition = video?.Condition ?? (copy == FrozenLeft ? e.RightCondition : copy == FrozenRight ? e.LeftCondition : null);
        return judgment with
        {
            GoldCopy = copy,
            Prompt = video?.Prompt ?? judgment.Prompt,
            Task = video?.Task ?? judgment.Task,
            Left = condition ?? judgment.Left,
            Right = judgment.Right is null ? null : condition ?? judgment.Right,
        };
    }

    /// <summary>Imported answers on the same prompt, task and pair of conditions count as judgments of one unit.</summary>
    public static IEnumerable<Judgment> From(JudgmentImport import) => import.Judgments.Select(j => new Judgment(
        j.Participant, ImportedUnit(j), j.Prompt, j.Task, j.Left, j.Right, j.Choice, null, import.At, Imported: true));

    private static string ImportedUnit(ImportedJudgment j)
    {
        var conditions = j.Right is null ? j.Left
            : string.CompareOrdinal(j.Left, j.Right) <= 0 ? $"{j.Left}\n{j.Right}" : $"{j.Right}\n{j.Left}";
        return $"imported\n{j.Task}\n{j.Prompt}\n{conditions}";
    }
}

/// <summary>The video a gold trial's copies were made from.</summary>
public sealed record GoldVideo(string Prompt, string Task, string Condition);
