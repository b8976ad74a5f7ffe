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
        return null;
    }

    /// <summary>A template placeholder such as <c>{{%PROLIFIC_PID%}}</c> or <c>%PROLIFIC_PID%</c>, left unreplaced.</summary>
    public static bool IsPlaceholder(string id) =>
        id.Contains("{{", StringComparison.Ordinal) || id.Contains("}}", StringComparison.Ordinal)
        || (id.StartsWith('%') && id.EndsWith('%') && id.Length > 1)
        || id.Equals("PROLIFIC_PID", StringComparison.OrdinalIgnoreCase);
}
