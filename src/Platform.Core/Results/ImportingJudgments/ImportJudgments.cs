using System.Globalization;
using Platform.Common;
using Platform.Studies;
using Platform.Voting;

namespace Platform.Results;

/// <summary>
/// One line of an import file as read, before it is checked. <paramref name="Line"/> counts the header as line 1;
/// <paramref name="Unreadable"/> says why the line is not well-formed CSV (a stray quote), when it is not.
/// </summary>
public sealed record ImportRow(int Line, string? Participant, string? Prompt, string? Task, string? Left, string? Right, string? Choice, string? Unreadable = null);

/// <summary>A judgment collected elsewhere: <paramref name="Right"/> is null for a rating of <paramref name="Left"/>.</summary>
public sealed record ImportedJudgment(string Participant, string Prompt, string Task, string Left, string? Right, Choice Choice);

/// <summary>
/// A file of judgments collected elsewhere, taken whole; its stream id is the import's id. <paramref name="ContentHash"/>
/// identifies its judgments (<see cref="ImportedContent"/>); null on imports made before it was kept.
/// </summary>
public sealed record JudgmentsImported(Guid ImportId, Guid StudyId, string FileName, IReadOnlyList<ImportedJudgment> Judgments, Guid By, DateTimeOffset At,
    string? ContentHash = null);

public sealed record ImportJudgments(Guid ImportId, Guid StudyId, string FileName, IReadOnlyList<ImportRow> Rows, Guid By);

public static class ImportingJudgments
{
    /// <summary>Bad lines described one by one; past this many, the rest are only numbered.</summary>
    public const int MaxProblemsListed = 200;

    /// <summary>The problem+json member listing every bad line number, compactly ("3-7, 12, 40-1000").</summary>
    public const string BadLines = "badLines";

    /// <summary>The problem+json member naming the earlier import a file repeats: its id, file name and time.</summary>
    public const string EarlierImportMember = "earlierImport";

    /// <summary>
    /// All or nothing: any bad row refuses the whole file. Every bad line number is listed (in <see cref="BadLines"/>),
    /// and the first <see cref="MaxProblemsListed"/> are described with what is wrong. A file whose judgments were
    /// already imported into the study (<paramref name="earlier"/>) is refused too: importing it again would count each twice.
    /// </summary>
    public static JudgmentsImported Handle(Study study, IReadOnlyCollection<EarlierImport> earlier, ImportJudgments command, DateTimeOffset now)
    {
        if (study.Status == StudyStatus.Closed)
            throw new DomainException("The study is closed; judgments can no longer be added to it.", DomainError.Conflict);
        if (SafeText.HasForbidden(command.FileName) || command.FileName.Length > Limits.Name)
            throw new DomainException($"The file name must have at most {Limits.Name} characters and no control or bidirectional override characters.");
        if (command.Rows.Count == 0)
            throw new DomainException("The file has no judgments: expected a header 'participant,prompt,task,left,right,choice' and one row per judgment.", DomainError.Unprocessable);

        var problems = new List<string>();
        var badLines = new List<int>();
        var judgments = new List<ImportedJudgment>(command.Rows.Count);
        foreach (var row in command.Rows)
        {
            var (judgment, problem) = Check(study.Settings, row);
            if (problem is null)
            {
                judgments.Add(judgment!);
                continue;
            }
            badLines.Add(row.Line);
            if (problems.Count < MaxProblemsListed) problems.Add($"line {row.Line}: {problem}");
        }
        if (badLines.Count > 0) throw Refused(badLines, problems);
        var hash = ImportedContent.Hash(judgments);
        if (earlier.Where(e => e.ContentHash == hash).MinBy(e => e.At) is { } same) throw AlreadyImported(same);
        return new JudgmentsImported(command.ImportId, study.Id, command.FileName, judgments, command.By, now, hash);
    }

    private static DomainException AlreadyImported(EarlierImport same) => new(
        $"Nothing was imported: these judgments were already imported from {same.FileName} on " +
        $"{same.At.UtcDateTime.ToString("yyyy-MM-dd 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture)}; importing them again would count each twice.",
        DomainError.Conflict)
    {
        Extensions = new Dictionary<string, object>
        {
            [EarlierImportMember] = new Dictionary<string, object> { ["id"] = same.ImportId, ["fileName"] = same.FileName, ["at"] = same.At },
        },
    };

    /// <summary>The refusal of a whole file: every bad line numbered, the first described.</summary>
    internal static DomainException Refused(List<int> badLines, List<string> problems)
    {
        var more = badLines.Count > problems.Count ? $"; {badLines.Count - problems.Count} more, numbered in {BadLines}" : "";
        return new DomainException(
            $"Nothing was imported: {badLines.Count} line{(badLines.Count == 1 ? " is" : "s are")} not valid. {string.Join("; ", problems)}{more}.",
            DomainError.Unprocessable)
        {
            Details = problems,
            Extensions = new Dictionary<string, object> { [BadLines] = LineRanges.Of(badLines) },
        };
    }

    private static (ImportedJudgment? Judgment, string? Problem) Check(StudySettings settings, ImportRow row)
    {
        if (row.Unreadable is not null) return (null, row.Unreadable);
        var participant = row.Participant?.Trim() ?? "";
        var prompt = row.Prompt?.Trim() ?? "";
        // A task or condition named in another case is the study's own, stored as the study spells it.
        var task = StudyTasks.Find(settings.Tasks, row.Task) ?? row.Task?.Trim() ?? "";
        var left = ConditionKeys.Find(settings, row.Left) ?? row.Left?.Trim() ?? "";
        var right = string.IsNullOrWhiteSpace(row.Right) ? null : ConditionKeys.Find(settings, row.Right) ?? row.Right.Trim();
        var choiceText = row.Choice?.Trim().ToLowerInvariant() ?? "";

        var problems = new List<string>();
        if (new[] { row.Participant, row.Prompt, row.Task, row.Left, row.Right, row.Choice }.Any(SafeText.HasForbidden))
            problems.Add("a cell holds control characters (such as NUL) or bidirectional override characters");
        if (participant.Length > ParticipantIds.MaxLength) problems.Add($"participant is longer than {ParticipantIds.MaxLength} characters");
        if (prompt.Length > Limits.Prompt) problems.Add($"prompt is longer than {Limits.Prompt} characters");
        if (participant.Length == 0) problems.Add("participant is empty");
        if (prompt.Length == 0) problems.Add("prompt is empty");
        if (settings.Tasks.Count > 0 && !settings.Tasks.Contains(task, StringComparer.Ordinal))
            problems.Add($"task '{task}' is not one of the study's ({string.Join(", ", settings.Tasks)})");
        var keys = settings.Conditions.Select(c => c.Key).ToList();
        if (!keys.Contains(left)) problems.Add($"left condition '{left}' is not one of the study's ({string.Join(", ", keys)})");

        var allowed = Choices.Allowed(settings);
        var choice = ParseChoice(choiceText);
        if (choice is null || !allowed.Contains(choice.Value))
            problems.Add($"choice '{row.Choice?.Trim()}' is not one of {string.Join(", ", allowed.Select(c => c.ToString().ToLowerInvariant()))}");

        if (RightProblem(settings, keys, left, right) is { } rightProblem) problems.Add(rightProblem);

        return problems.Count > 0
            ? (null, string.Join(", ", problems))
            : (new ImportedJudgment(participant, prompt, task, left, right, choice!.Value), null);
    }

    // Named one by one: Enum.TryParse would also take "1" or "same, right".
    private static Choice? ParseChoice(string text) => text switch
    {
        "left" => Choice.Left,
        "same" => Choice.Same,
        "right" => Choice.Right,
        "success" => Choice.Success,
        "failure" => Choice.Failure,
        _ => null,
    };

    private static string? RightProblem(StudySettings settings, List<string> keys, string left, string? right)
    {
        if (settings.Kind == StudyKind.Rating)
            return right is not null ? "right must be empty in a rating study (left is the rated condition)" : null;
        if (right is null) return "right condition is empty";
        if (!keys.Contains(right)) return $"right condition '{right}' is not one of the study's ({string.Join(", ", keys)})";
        return right == left ? "left and right are the same condition" : null;
    }
}
