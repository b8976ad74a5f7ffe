using System.Text.RegularExpressions;

namespace Platform.Studies;

/// <summary>
/// A condition's key as researchers write it: <c>simdrop-0.1</c>, <c>Kling-1.6</c>, <c>gen-3-alpha-turbo</c>. The case is
/// kept as written, and keys differ ignoring case, so a file or a CSV that says <c>KLING-1.6</c> means the study's own.
/// </summary>
public static partial class ConditionKeys
{
    public const int MaxLength = 40;

    public const string Rule = "letters, digits, '.', '-' or '_', starting with a letter or a digit (at most 40)";

    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;

    public static bool IsValid(string? key) => key is not null && Pattern().IsMatch(key);

    /// <summary>The study's own spelling of <paramref name="key"/> (trimmed, any case); null when it names no condition.</summary>
    public static string? Find(StudySettings settings, string? key)
    {
        var wanted = key?.Trim();
        return settings.Conditions.FirstOrDefault(c => string.Equals(c.Key, wanted, StringComparison.OrdinalIgnoreCase))?.Key;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")]
    private static partial Regex Pattern();
}
