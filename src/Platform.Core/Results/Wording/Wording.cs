using System.Globalization;

namespace Platform.Results;

/// <summary>
/// How results are put in words, the same on every screen and in every export: counts with the right singular or
/// plural, gold judgments always named apart from the judgments that count, and how to read a rank range.
/// </summary>
public static class Wording
{
    /// <summary>"1 participant", "2 participants", "0 judgments"; <paramref name="plural"/> for words not made with an s.</summary>
    public static string Count(long n, string singular, string? plural = null) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? singular : plural ?? singular + "s");

    /// <summary>"of 36 wanted (50.0 %)": judgments recorded against those the study's trials want (k per trial).</summary>
    public static string OfWanted(int done, int needed) =>
        $"of {needed.ToString(CultureInfo.InvariantCulture)} wanted ({(needed == 0 ? 0 : Math.Min(1, (double)done / needed) * 100).ToString("0.0", CultureInfo.InvariantCulture)} %)";

    /// <summary>How to read the ranking's places, beside every ranking shown or exported.</summary>
    public const string RankLegend =
        "Rank: the places the 95 % intervals allow. \"1–3\" means the condition could be anywhere from first to third: " +
        "its interval overlaps those of the others in that range, so the data cannot yet order them. A single number is a certain place.";

    /// <summary>What the gold judgments are and that they are counted apart, e.g. "+ 6 gold judgments (attention checks), counted separately".</summary>
    public static string GoldApart(int gold) => gold == 0
        ? "gold judgments (attention checks), counted separately: none"
        : $"+ {Count(gold, "gold judgment")} (attention checks), counted separately";

    /// <summary>
    /// What the figures of a set of results rest on: "18 judgments from 5 participants, after exclusions (1 participant
    /// excluded), all tasks; + 6 gold judgments (attention checks), counted separately".
    /// </summary>
    public static string Basis(StudyResults results)
    {
        var who = results.ExclusionsApplied
            ? $"after exclusions ({Count(results.ExcludedParticipants, "participant")} excluded)"
            : "all participants, no exclusions";
        var task = results.Task is null ? "all tasks" : $"task {results.Task}";
        return $"{Count(results.Judgments, "judgment")} from {Count(results.Participants - (results.ExclusionsApplied ? results.ExcludedParticipants : 0), "participant")}, " +
            $"{who}, {task}; {GoldApart(results.GoldJudgments)}";
    }

    /// <summary>Krippendorff's alpha with what it rests on, or why there is none.</summary>
    public static string Agreement(AgreementRow agreement) => agreement.KrippendorffAlpha is { } alpha
        ? $"{alpha.ToString("0.000", CultureInfo.InvariantCulture)} over {Count(agreement.Trials, "trial")} judged more than once"
        : agreement.NotComputedBecause!;
}
