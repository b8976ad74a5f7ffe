using Platform.Common;

namespace Platform.Studies;

internal sealed record KnownPrompt(string Prompt, string Task);

/// <summary>The prompts list a file-name pattern's prompt ids refer to.</summary>
internal static class BulkPrompts
{
    /// <summary>The prompts list by id (ignoring case); null when it cannot be read at all.</summary>
    public static Dictionary<string, KnownPrompt>? Read(string? text, List<BulkProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new("prompts", "a pattern needs a prompts list (a CSV file with the columns prompt_id,prompt) to give each prompt id its text"));
            return null;
        }
        var (lines, problem) = BulkCsv.Read(text, "prompts list", BulkMapping.PromptColumns[..2], BulkMapping.PromptColumns[2..], BulkMapping.MaxFiles);
        if (problem is not null)
        {
            problems.Add(new("prompts", problem));
            if (lines.Count == 0) return null;
        }
        var prompts = new Dictionary<string, KnownPrompt>(StringComparer.OrdinalIgnoreCase);
        var firstLineOf = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines)
        {
            var (id, prompt) = (line.Cell("prompt_id"), line.Cell("prompt"));
            var wrong = line.Unreadable ?? (line.HasForbidden ? SafeText.Problem.ToLowerInvariant()
                : id.Length == 0 ? "prompt_id is empty"
                : prompt.Length == 0 ? "prompt is empty"
                : prompt.Length > Limits.Prompt ? $"prompt is longer than {Limits.Prompt} characters"
                : !firstLineOf.TryAdd(id, line.Line) ? $"prompt id '{id}' is given twice (first on line {firstLineOf[id]})"
                : null);
            if (wrong is not null) problems.Add(new($"prompts line {line.Line}", wrong));
            else prompts[id] = new KnownPrompt(prompt, line.Cell("task"));
        }
        return prompts;
    }
}
