using Platform.Studies;

namespace Platform.Results;

/// <summary>
/// What an import would add, shown before the researcher confirms it: the judgments per condition pair (pairwise, B the
/// baseline when there is one, as in the results) or per condition (ratings), and whose they are.
/// </summary>
/// <param name="AlreadyInStudy">Participants of the file who already have judgments in the study (the same file
/// imported twice shows all of them here).</param>
public sealed record ImportPreview(int Judgments, int Participants, int AlreadyInStudy, IReadOnlyList<ImportPreviewRow> Rows)
{
    public static ImportPreview Of(StudySettings settings, IReadOnlyList<ImportedJudgment> judgments, IReadOnlySet<string> participantsInStudy)
    {
        var order = settings.Conditions.Select((c, i) => (c.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
        var baseline = settings.Conditions.FirstOrDefault(c => c.IsBaseline)?.Key;
        var rows = judgments
            .Select(j => j.Right is null ? (A: j.Left, B: (string?)null) : Canonical(j.Left, j.Right, baseline, order))
            .GroupBy(pair => pair)
            .Select(g => new ImportPreviewRow(g.Key.A, g.Key.B, g.Count()))
            .OrderBy(r => order.GetValueOrDefault(r.Condition, int.MaxValue))
            .ThenBy(r => r.Versus is null ? -1 : order.GetValueOrDefault(r.Versus, int.MaxValue))
            .ToList();
        var participants = judgments.Select(j => j.Participant).ToHashSet(StringComparer.Ordinal);
        return new ImportPreview(judgments.Count, participants.Count, participants.Count(participantsInStudy.Contains), rows);
    }

    private static (string A, string? B) Canonical(string left, string right, string? baseline, Dictionary<string, int> order) =>
        PairOrder.LeftIsA(order.GetValueOrDefault(left, int.MaxValue), order.GetValueOrDefault(right, int.MaxValue), left == baseline, right == baseline)
            ? (left, right) : (right, left);
}

/// <param name="Versus">The other condition of the pair; null for ratings.</param>
public sealed record ImportPreviewRow(string Condition, string? Versus, int N);
