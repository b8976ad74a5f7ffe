namespace Platform.Results;

/// <summary>
/// Tasks named as people type them: a task in any letter case is the study's own, spelled as the study spells it (as
/// uploads and the bulk upload map them). A study's tasks differ other than in case, so at most one matches.
/// </summary>
public static class StudyTasks
{
    /// <summary>The spelling in <paramref name="tasks"/> of <paramref name="task"/> (trimmed, any case); null when none is it.</summary>
    public static string? Find(IEnumerable<string> tasks, string? task)
    {
        var wanted = task?.Trim();
        return tasks.FirstOrDefault(t => string.Equals(t, wanted, StringComparison.Ordinal))
            ?? tasks.FirstOrDefault(t => string.Equals(t, wanted, StringComparison.OrdinalIgnoreCase));
    }
}
