using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Platform.Common;

/// <summary>
/// How files people upload as CSV are read (judgment imports, bulk-upload manifests and prompt lists): a header naming
/// the columns in any case and order, ',' or ';', and a line that is not well-formed CSV reported, not guessed.
/// </summary>
public static class CsvFiles
{
    /// <param name="unreadable">Told what is wrong with the field being read (during GetField), so it marks that line.</param>
    public static CsvConfiguration Configuration(Action<string> unreadable) => new(CultureInfo.InvariantCulture)
    {
        PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
        MissingFieldFound = null,
        BadDataFound = args => unreadable(StrayQuote(args.Field)),
        DetectDelimiter = true,
    };

    /// <summary>The header's column names, trimmed and in lower case (after <c>ReadHeader</c>).</summary>
    public static HashSet<string> Header(CsvReader csv) => csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToHashSet();

    /// <summary>The physical line a record starts on, counting line breaks inside quoted fields.</summary>
    public static int FirstLine(IParser parser)
    {
        var inside = parser.RawRecord.TrimEnd('\r', '\n').Count(c => c == '\n');
        return parser.RawRow - inside;
    }

    private static string StrayQuote(string field)
    {
        const int Shown = 40;
        var shown = field.ReplaceLineEndings(" ");
        if (shown.Length > Shown) shown = shown[..Shown] + "…";
        return $"a quote is out of place in {shown} (a field with quotes or commas must be quoted whole, its own quotes doubled)";
    }
}
