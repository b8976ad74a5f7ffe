using System.Globalization;
using Platform.Common;
using Platform.Studies;

namespace Platform.Results;

/// <summary>
/// One line of a metrics file as read: the video by <paramref name="Video"/> id, or by its condition, prompt, task and
/// seed; a named metric, its value, and which way is better ("higher" or "lower"). The header is line 1.
/// </summary>
public sealed record MetricRow(int Line, string? Video, string? Condition, string? Prompt, string? Task, string? Seed, string? Metric, string? Value,
    string? Better, string? Unreadable = null);

/// <summary>A video of the study as a metrics file may name it.</summary>
public sealed record MetricTarget(Guid VideoId, string Condition, string Prompt, string Task, int? Seed);

/// <summary>A per-video metric computed elsewhere (pose-estimation confidence, optical-flow smoothness, ...).</summary>
public sealed record VideoMetric(Guid VideoId, string Metric, double Value);

/// <summary>A metric's name and whether a higher value is the better one.</summary>
public sealed record MetricDeclared(string Name, bool HigherIsBetter);

/// <summary>A file of per-video metrics, taken whole; a value replaces one imported earlier for the same video and metric.</summary>
public sealed record MetricsImported(Guid ImportId, Guid StudyId, string FileName, IReadOnlyList<MetricDeclared> Metrics, IReadOnlyList<VideoMetric> Values,
    Guid By, DateTimeOffset At);

public sealed record ImportMetrics(Guid ImportId, Guid StudyId, string FileName, IReadOnlyList<MetricRow> Rows, Guid By);

public static class ImportingMetrics
{
    public const string Header = "condition,prompt,task,seed,metric,value,better (or video,metric,value,better)";

    /// <summary>
    /// All or nothing, like the judgment import: any bad line refuses the file, every bad line numbered and the first
    /// <see cref="ImportingJudgments.MaxProblemsListed"/> described. A metric keeps the direction it was first declared
    /// with (<paramref name="declared"/>): a file saying otherwise is refused rather than turning a ranking upside down.
    /// </summary>
    public static MetricsImported Handle(Study study, IReadOnlyList<MetricTarget> videos, IReadOnlyCollection<MetricDeclared> declared, ImportMetrics command,
        DateTimeOffset now)
    {
        if (SafeText.HasForbidden(command.FileName) || command.FileName.Length > Limits.Name)
            throw new DomainException($"The file name must have at most {Limits.Name} characters and no control or bidirectional override characters.");
        if (command.Rows.Count == 0)
            throw new DomainException($"The file has no metrics: expected a header '{Header}' and one row per video and metric.", DomainError.Unprocessable);

        var reader = new MetricRows(study.Settings, videos, declared);
        var problems = new List<string>();
        var badLines = new List<int>();
        foreach (var row in command.Rows)
        {
            if (reader.Read(row) is not { } problem) continue;
            badLines.Add(row.Line);
            if (problems.Count < ImportingJudgments.MaxProblemsListed) problems.Add($"line {row.Line}: {problem}");
        }
        if (badLines.Count > 0) throw ImportingJudgments.Refused(badLines, problems);
        return new MetricsImported(command.ImportId, study.Id, command.FileName, reader.Declared, reader.Values, command.By, now);
    }

    /// <summary>Values beyond this are refused: their means and intervals would overflow.</summary>
    public const double MaxMagnitude = 1e15;

    /// <summary>Distinct metrics a study takes: each costs its table a few thousand bootstrap resamples.</summary>
    public const int MaxMetrics = 50;

    /// <summary>The metric's value as a number written the invariant way (0.93, 1e-3), at most <see cref="MaxMagnitude"/>; null otherwise.</summary>
    public static double? ParseValue(string? text) =>
        double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && Math.Abs(value) <= MaxMagnitude ? value : null;

    /// <summary>A metric name holds no line break, invisible formatting character (a zero-width space) or replacement character (a file not in UTF-8).</summary>
    public static bool IsPlainName(string name) =>
        name.All(c => !char.IsControl(c) && char.GetUnicodeCategory(c) != UnicodeCategory.Format && c != '\uFFFD');
}
