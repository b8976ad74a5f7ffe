namespace Platform.Results;

/// <summary>Line numbers written compactly, runs of consecutive lines as ranges: 3, 4, 5, 6, 7, 12, 40 → "3-7, 12, 40".</summary>
public static class LineRanges
{
    public static string Of(IEnumerable<int> lines)
    {
        var sorted = lines.Distinct().Order().ToList();
        var ranges = new List<string>();
        for (var start = 0; start < sorted.Count;)
        {
            var end = start;
            while (end + 1 < sorted.Count && sorted[end + 1] == sorted[end] + 1) end++;
            ranges.Add(end == start ? $"{sorted[start]}" : $"{sorted[start]}-{sorted[end]}");
            start = end + 1;
        }
        return string.Join(", ", ranges);
    }
}
