using System.Globalization;
using Platform.Common;
using Platform.Studies;

namespace Platform.Results;

/// <summary>Reads the rows of one metrics file in order, keeping the values and declarations of the good ones.</summary>
internal sealed class MetricRows(StudySettings settings, IReadOnlyList<MetricTarget> videos, IReadOnlyCollection<MetricDeclared> earlier)
{
    private readonly Dictionary<string, bool> _directions = earlier.ToDictionary(m => m.Name, m => m.HigherIsBetter, StringComparer.Ordinal);
    private readonly Dictionary<string, MetricDeclared> _declared = new(StringComparer.Ordinal);
    private readonly Dictionary<(Guid, string), int> _lines = [];
    private readonly List<VideoMetric> _values = [];

    public IReadOnlyList<MetricDeclared> Declared => [.. _declared.Values];

    public IReadOnlyList<VideoMetric> Values => _values;

    /// <returns>What is wrong with the row; null when it was taken.</returns>
    public string? Read(MetricRow row)
    {
        if (row.Unreadable is not null) return row.Unreadable;
        if (new[] { row.Video, row.Condition, row.Prompt, row.Task, row.Seed, row.Metric, row.Value, row.Better }.Any(SafeText.HasForbidden))
            return "a cell holds control characters (such as NUL) or bidirectional override characters";
        var problems = new List<string>();
        var video = FindVideo(row, problems);
        var metric = row.Metric?.Trim() ?? "";
        if (metric.Length == 0) problems.Add("metric is empty");
        else if (metric.Length > Limits.Name) problems.Add($"metric is longer than {Limits.Name} characters");
        var value = ImportingMetrics.ParseValue(row.Value);
        if (value is null) problems.Add($"value '{row.Value?.Trim()}' is not a finite number");
        var higher = Direction(row.Better, metric, problems);
        if (video is { } id && metric.Length > 0 && _lines.TryGetValue((id, metric), out var first))
            problems.Add($"the video already has a value of '{metric}' on line {first}");
        if (problems.Count > 0) return string.Join(", ", problems);

        _lines[(video!.Value, metric)] = row.Line;
        _declared.TryAdd(metric, new MetricDeclared(metric, higher!.Value));
        _directions.TryAdd(metric, higher.Value);
        _values.Add(new VideoMetric(video.Value, metric, value!.Value));
        return null;
    }

    private bool? Direction(string? better, string metric, List<string> problems)
    {
        bool? higher = better?.Trim().ToLowerInvariant() switch { "higher" => true, "lower" => false, _ => null };
        if (higher is null)
        {
            problems.Add($"better '{better?.Trim()}' is neither 'higher' nor 'lower'");
            return null;
        }
        if (_directions.TryGetValue(metric, out var known) && known != higher)
            problems.Add($"'{metric}' is a metric where {(known ? "higher" : "lower")} is better; this line says {(higher.Value ? "higher" : "lower")}");
        return higher;
    }

    private Guid? FindVideo(MetricRow row, List<string> problems)
    {
        if (!string.IsNullOrWhiteSpace(row.Video))
        {
            if (Guid.TryParse(row.Video.Trim(), out var id) && videos.Any(v => v.VideoId == id)) return id;
            problems.Add($"video '{row.Video.Trim()}' is not a ready video of this study");
            return null;
        }
        var condition = ConditionKeys.Find(settings, row.Condition) ?? row.Condition?.Trim() ?? "";
        var prompt = row.Prompt?.Trim() ?? "";
        var task = StudyTasks.Find(settings.Tasks, row.Task) ?? row.Task?.Trim() ?? "";
        int? seed = null;
        if (!string.IsNullOrWhiteSpace(row.Seed))
        {
            if (!int.TryParse(row.Seed.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
            {
                problems.Add($"seed '{row.Seed.Trim()}' is not a whole number");
                return null;
            }
            seed = parsed;
        }
        var matches = videos.Where(v => v.Condition == condition && v.Prompt == prompt && v.Task == task && (seed is null || v.Seed == seed)).ToList();
        if (matches.Count == 1) return matches[0].VideoId;
        problems.Add(matches.Count == 0
            ? $"no ready video of condition '{condition}', prompt '{prompt}', task '{task}'{(seed is null ? "" : $", seed {seed}")}"
            : $"{matches.Count} ready videos are condition '{condition}', prompt '{prompt}', task '{task}': give the seed or the video id");
        return null;
    }
}
