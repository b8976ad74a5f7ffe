namespace Platform.Common;

/// <summary>
/// Characters no field of this platform takes: C0 and C1 control characters other than tab and line breaks (PostgreSQL
/// cannot store NUL in text, and the others only hide content), and the bidirectional overrides and isolates that make
/// text read differently from what it holds ("Trojan Source").
/// </summary>
public static class SafeText
{
    public static bool IsForbidden(char c) =>
        (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';

    /// <summary>Whether <paramref name="text"/> holds a character no field takes.</summary>
    public static bool HasForbidden(string? text) => text is not null && text.Any(IsForbidden);

    public const string Problem = "Text may not hold control characters (such as NUL) or bidirectional override characters.";
}
