using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.Configuration.Attributes;
using Platform.Results;
using Platform.Studies;

namespace Platform.Web.Results;

/// <summary>
/// Every judgment of a study, one row each, with the participant's exclusion flags (the raw data behind the results).
/// Gold rows (attention checks, never in the figures) carry the prompt, task and condition of the video they were made
/// from, and <c>gold_copy</c> says which copy was shown: frozen-left / frozen-right (its first frame frozen, on that
/// side, against the video itself) or corrupted (rated alone).
/// </summary>
public static class JudgmentsCsv
{
    public sealed record Line(
        [property: Name("event_version")] long EventVersion,
        [property: Name("participant")] string Participant,
        [property: Name("prompt")] string Prompt,
        [property: Name("task")] string Task,
        [property: Name("left")] string Left,
        [property: Name("right")] string? Right,
        [property: Name("choice")] string Choice,
        [property: Name("decision_ms")] int? DecisionMs,
        [property: Name("client_decision_ms")] int? ClientDecisionMs,
        [property: Name("at")] string At,
        [property: Name("gold")] bool Gold,
        [property: Name("gold_copy")] string? GoldCopy,
        [property: Name("correct")] bool? Correct,
        [property: Name("imported")] bool Imported,
        [property: Name("excluded")] bool Excluded,
        [property: Name("exclusion_reasons")] string ExclusionReasons);

    public static async Task WriteAsync(StudyJudgments study, TextWriter writer, CancellationToken cancellationToken)
    {
        var quality = Screening.Assess(study.Judgments, study.Study.Settings.Exclusions ?? ExclusionRules.None)
            .ToDictionary(q => q.ParticipantId, StringComparer.Ordinal);
        // Participant ids and prompts come from outside; a leading = or + must not become a formula in a spreadsheet.
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };
        await using var csv = new CsvWriter(writer, configuration, leaveOpen: true);
        await csv.WriteRecordsAsync(study.Judgments.Select(j =>
        {
            var q = quality[j.ParticipantId];
            return new Line(study.EventVersion, j.ParticipantId, j.Prompt, j.Task, j.Left, j.Right, j.Choice.ToString().ToLowerInvariant(),
                j.DecisionMs, j.ClientDecisionMs, j.At.ToString("O", CultureInfo.InvariantCulture), j.IsGold, j.GoldCopy, j.Correct, j.Imported, q.Excluded, string.Join("; ", q.Reasons));
        }), cancellationToken);
    }
}
