namespace Platform.Voting;

/// <summary>
/// Which participant ids a study link may carry. Prolific replaces <c>{{%PROLIFIC_PID%}}</c> with the person's id
/// when they open the study from its site; a link copied from elsewhere (the study description, an email) still has
/// the placeholder, and would otherwise make every such person one participant.
/// </summary>
public static class ParticipantIds
{
    public const int MaxLength = 200;

    /// <summary>What is wrong with <paramref name="id"/> as a participant id, in words for the participant; null when nothing is.</summary>
    public static string? Problem(string? id)
    {
        var trimmed = (id ?? string.Empty).Trim();
        if (trimmed.Length == 0)
            return "This study link has no participant id. Open the study again from the site that sent you here (on Prolific, from the study's page).";
        if (IsPlaceholder(trimmed))
            return "This study link still holds Prolific's placeholder {{%PROLIFIC_PID%}} instead of your Prolific ID. "
                + "Open the study from its page on Prolific rather than from a copied link.";
        if (trimmed.Length > MaxLength)
            return $"This study link's participant id is longer than {MaxLength} characters. Open the study again from the site that sent you here.";
        if (trimmed.Any(Invisible))
            return "This study link's participant id holds invisible or control characters. Open the study again from the site that sent you here.";
        return null;
    }

    /// <summary>What Prolific's STUDY_ID or SESSION_ID may be (both 24 hex characters there): at most <see cref="MaxLength"/> visible characters, or none.</summary>
    public static string? ExternalProblem(string? id) =>
        id is null ? null
        : id.Length > MaxLength || id.Any(Invisible) ? $"STUDY_ID and SESSION_ID take at most {MaxLength} visible characters."
        : null;

    /// <summary>
    /// Characters that make two ids look the same while they differ ("X" and "X" with a zero-width space): controls,
    /// format characters (zero-width, bidirectional marks) and separators other than the plain space.
    /// </summary>
    private static bool Invisible(char c) => char.GetUnicodeCategory(c) is
        System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
        or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator
        || (char.IsWhiteSpace(c) && c != ' ');

    /// <summary>A template placeholder such as <c>{{%PROLIFIC_PID%}}</c> or <c>%PROLIFIC_PID%</c>, left unreplaced.</summary>
    public static bool IsPlaceholder(string id) =>
        id.Contains("{{", StringComparison.Ordinal) || id.Contains("}}", StringComparison.Ordinal)
        || (id.StartsWith('%') && id.EndsWith('%') && id.Length > 1)
        || id.Equals("PROLIFIC_PID", StringComparison.OrdinalIgnoreCase);
}
