using CsvHelper;

namespace Platform.Studies;

/// <summary>One data line of a CSV file as written; <see cref="Line"/> counts the header as line 1.</summary>
internal sealed record CsvLine(int Line, IReadOnlyDictionary<string, string?> Cells, string? Unreadable)
{
    public string Cell(string column) => Cells.TryGetValue(column, out var value) ? (value ?? string.Empty).Trim() : string.Empty;

    public bool HasForbidden => Cells.Values.Any(Common.SafeText.HasForbidden);
}

/// <summary>
/// Reads a small CSV file with CsvHelper: a header naming the columns (any case, any order; ',' or ';'), then one line
/// per record. A line that is not well-formed CSV (a quote out of place) comes back marked unreadable, not guessed.
/// </summary>
internal static class BulkCsv
{
    public static (IReadOnlyList<CsvLine> Lines, string? Problem) Read(string text, string what, IReadOnlyList<string> required, IReadOnlyList<string> optional, int maxLines)
    {
        string? unreadable = null;
        var configuration = Common.CsvFiles.Configuration(problem => unreadable ??= problem);
        var expected = string.Join(",", required.Concat(optional));
        using var reader = new StringReader(text);
        using var csv = new CsvReader(reader, configuration);
        if (!csv.Read() || !csv.ReadHeader())
            return ([], $"the {what} is empty: expected a header '{expected}' and one line per video");
        var header = Common.CsvFiles.Header(csv);
        var missing = required.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
            return ([], $"line 1 (the header) of the {what} lacks the column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}; expected '{expected}'");

        var columns = required.Concat(optional.Where(header.Contains)).ToList();
        var lines = new List<CsvLine>();
        while (csv.Read())
        {
            if (lines.Count == maxLines) return (lines, $"the {what} has more than {maxLines:N0} lines; split it");
            unreadable = null;
            var cells = columns.ToDictionary(c => c, c => csv.GetField(c));
            if (cells.Values.All(string.IsNullOrWhiteSpace) && unreadable is null) continue; // a blank line, e.g. at the end
            lines.Add(new CsvLine(Common.CsvFiles.FirstLine(csv.Parser), cells, unreadable));
        }
        return (lines, null);
    }
}
