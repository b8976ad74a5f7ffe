using System.Globalization;
using Platform.Common;
using Platform.Studies;

namespace Platform.Results;

/// <summary>Reads the rows of one metrics file in order, keeping the values and declarations of the good ones.</summary>
internal sealed class MetricRows(StudySettings settings, IReadOnlyList<MetricTarget> videos, IReadOnlyCollection<MetricDeclared> earlier)
{
    // Names match in any letter case (as condition keys do) and are kept as first spelled.
    private readonly Dictionary<string, MetricDeclared> _known = earlier.ToDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, MetricDeclared> _declared = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(Guid, string), int> _lines = [];
    private readonly List<VideoMetric> _values = [];
    private readonly HashSet<Guid> _ids = [.. videos.Select(v => v.VideoId)];
    private readonly ILookup<(string, string, string), MetricTarget> _cells = videos.ToLookup(v => (v.Condition, v.Prompt, v.Task));

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
        if (_known.TryGetValue(metric, out var spelled)) metric = spelled.Name;
        if (metric.Length == 0) problems.Add("metric is empty");
        else if (metric.Length > Limits.Name) problems.Add($"metric is longer than {Limits.Name} characters");
        else if (!ImportingMetrics.IsPlainName(metric)) problems.Add("metric holds a line break, an invisible character or one that is not UTF-8");
        else if (Consistency.IsReserved(metric))
            problems.Add($"'{row.Metric!.Trim()}' is a name the platform's own COLMAP measurements use (they begin '{Consistency.Prefix}'); name the metric otherwise");
        else if (!_known.ContainsKey(metric) && _known.Count >= ImportingMetrics.MaxMetrics)
            problems.Add($"'{metric}' would be metric {ImportingMetrics.MaxMetrics + 1} of the study; a study takes at most {ImportingMetrics.MaxMetrics}");
        var value = ImportingMetrics.ParseValue(row.Value);
        if (value is null) problems.Add($"value '{row.Value?.Trim()}' is not a number between -1e15 and 1e15");
        var higher = Direction(row.Better, metric, problems);
        if (video is { } id && metric.Length > 0 && _lines.TryGetValue((id, metric), out var first))
            problems.Add($"the video already has a value of '{metric}' on line {first}");
        if (problems.Count > 0) return string.Join(", ", problems);

        _lines[(video!.Value, metric)] = row.Line;
        var declared = new MetricDeclared(metric, higher!.Value);
        _known.TryAdd(metric, declared);
        if (!earlier.Any(m => string.Equals(m.Name, metric, StringComparison.OrdinalIgnoreCase))) _declared.TryAdd(metric, declared);
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
        if (_known.TryGetValue(metric, out var known) && known.HigherIsBetter != higher)
            problems.Add($"'{known.Name}' is a metric where {(known.HigherIsBetter ? "higher" : "lower")} is better; this line says {(higher.Value ? "higher" : "lower")}");
        return higher;
    }

    private Guid? FindVideo(MetricRow row, List<string> problems)
    {
        if (!string.IsNullOrWhiteSpace(row.Video))
        {
            if (Guid.TryParse(row.Video.Trim(), out var id) && _ids.Contains(id)) return id;
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
        var matches = _cells[(condition, prompt, task)].Where(v => seed is null || v.Seed == seed).ToList();
        if (matches.Count == 1) return matches[0].VideoId;
        problems.Add(matches.Count == 0
            ? $"no ready video of condition '{condition}', prompt '{prompt}', task '{task}'{(seed is null ? "" : $", seed {seed}")}"
            : $"{matches.Count} ready videos are condition '{condition}', prompt '{prompt}', task '{task}': give the seed or the video id");
        return null;
    }
}
