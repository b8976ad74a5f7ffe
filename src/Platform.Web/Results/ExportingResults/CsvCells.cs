namespace Platform.Web.Results;

/// <summary>
/// Text a spreadsheet would run as a formula (a cell starting with = + - @, a tab or a carriage return) gets a leading
/// apostrophe, as OWASP advises. For text cells only: CsvHelper's own escaping would turn a negative number into text.
/// </summary>
public static class CsvCells
{
    public static string? Text(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
