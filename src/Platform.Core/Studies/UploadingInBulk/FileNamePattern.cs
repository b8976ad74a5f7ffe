using System.Text;
using System.Text.RegularExpressions;

namespace Platform.Studies;

/// <summary>
/// A researcher's pattern for the paths of a batch, e.g. <c>{condition}/{prompt_id}_{seed}.mp4</c>: each placeholder
/// stands for one or more characters within a folder or file name (never a '/'), <c>*</c> for anything there that is
/// not used; everything else must be written as is (letter case aside). When a name could be split in two ways the
/// earlier placeholder takes the longer part, so <c>{prompt_id}_{seed}</c> reads <c>walk_01_3</c> as walk_01 and 3 —
/// except that <c>{condition}</c> first tries the study's condition keys (<see cref="WithConditions"/>), so
/// <c>{condition}_{prompt_id}_{seed}</c> reads <c>simdrop-0.1_p_1_3</c> as simdrop-0.1, p_1 and 3.
/// </summary>
public sealed partial class FileNamePattern
{
    public const string Condition = "condition";
    public const string PromptId = "prompt_id";
    public const string Task = "task";
    public const string Seed = "seed";
    public static readonly IReadOnlyList<string> Placeholders = [Condition, PromptId, Task, Seed];

    private const string AnyCondition = "(?<condition>[^/]+)";
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private readonly Regex _regex;
    private readonly Regex? _knownConditions;

    private FileNamePattern(string text, Regex regex, IReadOnlySet<string> names, Regex? knownConditions = null) =>
        (Text, _regex, Names, _knownConditions) = (text, regex, names, knownConditions);

    public string Text { get; }

    /// <summary>The placeholders the pattern uses.</summary>
    public IReadOnlySet<string> Names { get; }

    /// <summary>The pattern, or why it cannot be used.</summary>
    public static (FileNamePattern? Pattern, string? Problem) Parse(string? text)
    {
        var pattern = (text ?? string.Empty).Trim().Replace('\\', '/').TrimStart('/');
        if (pattern.Length == 0) return (null, "the pattern is empty; write one such as {condition}/{prompt_id}_{seed}.mp4");
        if (pattern.Length > 500 || Common.SafeText.HasForbidden(pattern)) return (null, "the pattern must have at most 500 characters and no control characters");
        var regex = new StringBuilder("^");
        var names = new HashSet<string>(StringComparer.Ordinal);
        var at = 0;
        foreach (Match placeholder in PlaceholderSyntax().Matches(pattern))
        {
            regex.Append(Literal(pattern[at..placeholder.Index]));
            at = placeholder.Index + placeholder.Length;
            var name = placeholder.Groups[1].Value.Trim().ToLowerInvariant();
            if (!Placeholders.Contains(name))
                return (null, $"the pattern has an unknown placeholder {{{placeholder.Groups[1].Value}}}; use {string.Join(", ", Placeholders.Select(p => $"{{{p}}}"))} or *");
            if (!names.Add(name)) return (null, $"the pattern uses {{{name}}} twice");
            regex.Append("(?<").Append(name.Replace("_", "", StringComparison.Ordinal)).Append(">[^/]+)");
        }
        regex.Append(Literal(pattern[at..])).Append('$');
        if (pattern.Contains("{{", StringComparison.Ordinal) || PlaceholderSyntax().Replace(pattern, "").IndexOfAny(['{', '}']) >= 0)
            return (null, "the pattern has a '{' or '}' that is not part of a placeholder such as {condition}");
        var required = new[] { Condition, PromptId }.Where(n => !names.Contains(n)).ToList();
        if (required.Count > 0)
            return (null, $"the pattern must hold {string.Join(" and ", required.Select(n => $"{{{n}}}"))}, to name each file's condition and prompt");
        return (new FileNamePattern(pattern, new Regex(regex.ToString(), Options, TimeSpan.FromSeconds(1)), names), null);
    }

    /// <summary>
    /// The same pattern, reading <c>{condition}</c> as one of <paramref name="keys"/> (ignoring case, longer keys first)
    /// when the path fits that way, and as any name otherwise (so an unknown condition can still be named).
    /// </summary>
    public FileNamePattern WithConditions(IEnumerable<string> keys)
    {
        var known = keys.Where(k => k.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(k => k.Length).ToList();
        if (known.Count == 0 || !Names.Contains(Condition)) return this;
        var source = _regex.ToString().Replace(AnyCondition, $"(?<condition>{string.Join('|', known.Select(Regex.Escape))})", StringComparison.Ordinal);
        return new FileNamePattern(Text, _regex, Names, new Regex(source, Options, TimeSpan.FromSeconds(1)));
    }

    /// <summary>The placeholders' values in <paramref name="path"/>; null when the path does not fit the pattern.</summary>
    public IReadOnlyDictionary<string, string>? Match(string path)
    {
        var match = _knownConditions?.Match(path) is { Success: true } known ? known : _regex.Match(path);
        if (!match.Success) return null;
        return Names.ToDictionary(n => n, n => match.Groups[n.Replace("_", "", StringComparison.Ordinal)].Value, StringComparer.Ordinal);
    }

    // '*' is anything within one folder or file name; the rest is taken literally.
    private static string Literal(string text) => string.Join("[^/]*", text.Split('*').Select(Regex.Escape));

    [GeneratedRegex(@"\{([^{}/]*)\}")]
    private static partial Regex PlaceholderSyntax();
}
