using Platform.Voting;

namespace Platform.Results;

/// <summary>
/// One answer as the results see it, whether recorded here or imported. <paramref name="Unit"/> identifies what was
/// judged (the trial), so answers of several participants on one unit can be compared for agreement.
/// <paramref name="Right"/> is null for a rating; <paramref name="DecisionMs"/> is null when unknown (imported); it is the server's measure (from the trial being handed out
/// to the answer arriving) since 2026-12-06, before that the participant's page's own figure, which
/// <paramref name="ClientDecisionMs"/> now holds beside it.
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
    int? ClientDecisionMs = null)
{
    public static Judgment From(JudgmentRecorded e) => new(
        e.ParticipantId, e.TrialId.ToString("N"), e.Prompt ?? string.Empty, e.Task ?? string.Empty, e.LeftCondition, e.RightCondition,
        e.Choice, e.DecisionMs, e.At, e.IsGold, e.Correct, ClientDecisionMs: e.ClientDecisionMs);

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
