using System.Globalization;
using Platform.Common;

namespace Platform.Studies;

/// <summary>
/// Maps the files of a bulk upload to condition, prompt, task and seed — by a manifest or by a file-name pattern — and
/// names every problem before anything is stored: an unknown condition or task, a file no manifest line names, a line
/// naming no file, a file or a video named twice, a bad seed, a path the pattern does not fit, an unknown prompt id, a
/// cell (<see cref="AddingVideo.Occupant"/>) a stored video holds. Condition keys and tasks are matched ignoring case;
/// the study's own spelling is kept.
/// </summary>
public static class BulkMapping
{
    public const int MaxFiles = 20_000;
    public const int MaxPath = 1_000;
    public static readonly IReadOnlyList<string> VideoExtensions = [".mp4", ".webm", ".mov", ".mkv", ".m4v", ".avi"];
    public static readonly string[] ManifestColumns = ["file", "condition", "prompt", "task", "seed"];
    public static readonly string[] PromptColumns = ["prompt_id", "prompt", "task"];

    /// <param name="stored">The study's stored videos. One holding a row's cell is a problem, unless it has the row's file
    /// name: then it may be this very file, stored by an earlier run, which the upload skips by its content (and refuses
    /// when the content differs).</param>
    public static BulkPlan Map(Study study, BulkRequest request, IReadOnlyCollection<CandidateVideo>? stored = null)
    {
        var problems = new List<BulkProblem>();
        if (study.Status == StudyStatus.Closed) problems.Add(new("study", "the study is closed; it takes no more videos"));
        var files = Files(request.Files, problems, out var ignored);

        var rows = (request.Manifest, request.Pattern) switch
        {
            ({ } manifest, null) => ByManifest(study.Settings, manifest, files, ignored, problems),
            (null, { } pattern) => ByPattern(study.Settings, pattern, request.Prompts, files, problems),
            (null, null) => Fail(problems, "upload", "give a manifest (file,condition,prompt,task,seed) or a file-name pattern with a prompts list"),
            _ => Fail(problems, "upload", "give a manifest or a file-name pattern, not both"),
        };
        MarkDuplicates(rows);
        MarkHeldCells(rows, stored ?? []);
        foreach (var row in rows)
            problems.AddRange(row.Problems.Select(p => new BulkProblem(row.Where, p, row.Line)));
        if (rows.Count == 0 && problems.Count == 0) problems.Add(new("upload", "there are no video files to upload"));
        return new BulkPlan([.. rows.Select(r => (BulkRow)r)], problems, ignored);
    }

    /// <summary>
    /// The id a bulk-uploaded video is stored under: the same study, condition, prompt, task, seed and content give the
    /// same id, so an interrupted upload started again skips what is stored rather than storing it twice.
    /// </summary>
    public static Guid VideoId(Guid studyId, BulkVideo video, string sha256) =>
        StableId.From("bulk-video", studyId, video.Condition, video.Prompt, video.Task, video.Seed, sha256);

    /// <summary>The path as the manifest and the pattern see it: '/' between folders, no leading "./" or '/'.</summary>
    public static string Normalise(string? path)
    {
        var normal = (path ?? string.Empty).Trim().Replace('\\', '/');
        while (normal.StartsWith("./", StringComparison.Ordinal)) normal = normal[2..];
        return normal.TrimStart('/');
    }

    public static bool IsVideo(string path) => VideoExtensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    private static List<MutableRow> Fail(List<BulkProblem> problems, string where, string problem)
    {
        problems.Add(new(where, problem));
        return [];
    }

    private static Dictionary<string, string> Files(IReadOnlyList<string> paths, List<BulkProblem> problems, out List<string> ignored)
    {
        ignored = [];
        var files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (paths.Count > MaxFiles)
        {
            problems.Add(new("upload", $"{paths.Count:N0} files are more than the {MaxFiles:N0} one upload takes; split them"));
            return files;
        }
        foreach (var path in paths.Select(Normalise))
        {
            if (path.Length is 0 or > MaxPath || SafeText.HasForbidden(path) || path.Split('/').Any(p => p is "" or "." or ".."))
                problems.Add(new($"file {Shown(path)}", $"a path has 1 to {MaxPath} characters, no control characters and no empty, '.' or '..' parts"));
            else if (!IsVideo(path)) ignored.Add(path);
            else if (!files.TryAdd(path, path)) problems.Add(new($"file {path}", $"the file is chosen twice (paths are compared ignoring case: {files[path]})"));
        }
        return files;
    }

    private static List<MutableRow> ByManifest(StudySettings settings, string manifest, Dictionary<string, string> files, List<string> ignored, List<BulkProblem> problems)
    {
        var (lines, problem) = BulkCsv.Read(manifest, "manifest", ManifestColumns[..3], ManifestColumns[3..], MaxFiles);
        if (problem is not null) problems.Add(new("manifest", problem, problem.StartsWith("line 1", StringComparison.Ordinal) ? 1 : null));
        var rows = new List<MutableRow>();
        var named = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var firstLineOf = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var foldersChosen = files.Keys.Any(f => f.Contains('/', StringComparison.Ordinal));
        foreach (var line in lines)
        {
            var row = Fields(settings, line.Cell("condition"), line.Cell("prompt"), line.Cell("task"), line.Cell("seed"));
            row.Line = line.Line;
            if (line.Unreadable is not null) row.Problems.Insert(0, line.Unreadable);
            if (line.HasForbidden) row.Problems.Insert(0, SafeText.Problem.ToLowerInvariant());
            var path = Normalise(line.Cell("file"));
            row.File = path;
            if (path.Length == 0) row.Problems.Insert(0, "file is empty");
            else if (path.Split('/').Any(p => p is ".."))
                row.Problems.Insert(0, $"the path {Shown(path)} leaves the folder ('..'); a manifest names files inside the chosen folder only");
            else if (files.TryGetValue(path, out var chosen))
            {
                row.File = chosen;
                named.Add(chosen);
            }
            else if (ignored.Contains(path, StringComparer.OrdinalIgnoreCase))
                row.Problems.Insert(0, $"{path} is not a video file ({string.Join(", ", VideoExtensions)})");
            else
                row.Problems.Insert(0, $"no file {path} was chosen" + (path.Contains('/', StringComparison.Ordinal) && !foldersChosen
                    ? " (files chosen one by one carry no folder: choose the folder, or name the files without it)" : ""));
            if (path.Length > 0 && !firstLineOf.TryAdd(path, line.Line))
                row.Problems.Insert(0, $"{path} is named twice in the manifest (first on line {firstLineOf[path]})");
            rows.Add(row);
        }
        if (problem is null || lines.Count > 0)
        {
            foreach (var file in files.Values.Where(f => !named.Contains(f)).Order(StringComparer.Ordinal))
                rows.Add(new MutableRow { File = file, Problems = { "no manifest line names this file" } });
        }
        return rows;
    }

    private static List<MutableRow> ByPattern(StudySettings settings, string patternText, string? promptsText, Dictionary<string, string> files, List<BulkProblem> problems)
    {
        var (pattern, problem) = FileNamePattern.Parse(patternText);
        if (pattern is null) return Fail(problems, "pattern", problem!);
        pattern = pattern.WithConditions(settings.Conditions.Select(c => c.Key));
        var prompts = BulkPrompts.Read(promptsText, problems);
        var rows = new List<MutableRow>();
        foreach (var file in files.Values.Order(StringComparer.Ordinal))
        {
            if (pattern.Match(file) is not { } values)
            {
                rows.Add(new MutableRow { File = file, Problems = { $"the path does not fit the pattern {pattern.Text}" } });
                continue;
            }
            var promptId = values[FileNamePattern.PromptId];
            var known = prompts?.GetValueOrDefault(promptId);
            var row = Fields(settings, values[FileNamePattern.Condition], known?.Prompt ?? "",
                values.GetValueOrDefault(FileNamePattern.Task) ?? known?.Task ?? "", values.GetValueOrDefault(FileNamePattern.Seed) ?? "");
            row.File = file;
            if (prompts is not null && known is null)
            {
                row.Problems.RemoveAll(p => p.StartsWith("prompt is empty", StringComparison.Ordinal));
                row.Problems.Insert(0, $"prompt id '{promptId}' is not in the prompts list");
            }
            else if (prompts is null) row.Problems.RemoveAll(p => p.StartsWith("prompt is empty", StringComparison.Ordinal));
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Checks one video's fields against the study; the row holds the study's spelling of what it found.</summary>
    private static MutableRow Fields(StudySettings settings, string condition, string prompt, string task, string seed)
    {
        var row = new MutableRow();
        if (new[] { condition, prompt, task, seed }.Any(SafeText.HasForbidden)) row.Problems.Add(SafeText.Problem.ToLowerInvariant());

        var keys = settings.Conditions.Select(c => c.Key).ToList();
        row.Condition = keys.FirstOrDefault(k => k == condition) ?? keys.FirstOrDefault(k => string.Equals(k, condition, StringComparison.OrdinalIgnoreCase));
        if (condition.Length == 0) row.Problems.Add("condition is empty");
        else if (row.Condition is null) row.Problems.Add($"condition '{condition}' is not one of the study's ({string.Join(", ", keys)})");

        row.Prompt = prompt;
        if (prompt.Length == 0) row.Problems.Add("prompt is empty");
        else if (prompt.Length > Limits.Prompt) row.Problems.Add($"prompt is longer than {Limits.Prompt} characters");

        var tasks = settings.Tasks;
        if (tasks.Count == 0)
        {
            row.Task = string.Empty;
            if (task.Length > 0) row.Problems.Add($"task '{task}' is given, but the study has no tasks (leave it empty)");
        }
        else
        {
            row.Task = task.Length == 0 && tasks.Count == 1 ? tasks[0] : tasks.FirstOrDefault(t => string.Equals(t, task, StringComparison.OrdinalIgnoreCase));
            if (row.Task is null)
                row.Problems.Add(task.Length == 0 ? $"task is empty; the study's tasks are {string.Join(", ", tasks)}" : $"task '{task}' is not one of the study's ({string.Join(", ", tasks)})");
        }

        if (seed.Length > 0)
        {
            if (int.TryParse(seed, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) row.Seed = number;
            else if (seed.All(char.IsAsciiDigit)) row.Problems.Add($"seed '{Shown(seed)}' is larger than {int.MaxValue}, the largest seed");
            else row.Problems.Add($"seed '{Shown(seed)}' is not a whole number from 0 to {int.MaxValue}");
        }
        return row;
    }

    /// <summary>Two files for one cell (<see cref="AddingVideo.Occupant"/>): pairs would only ever show one of them.</summary>
    private static void MarkDuplicates(List<MutableRow> rows)
    {
        var first = new Dictionary<(string, string, int?), MutableRow>();
        foreach (var row in rows.Where(r => r.Problems.Count == 0))
        {
            var key = (row.Condition!, row.Prompt!, row.Seed);
            if (first.TryGetValue(key, out var earlier))
                row.Problems.Add($"the same condition, prompt and seed as {earlier.Where} (a duplicate; give it another seed or leave it out)");
            else first[key] = row;
        }
    }

    private static void MarkHeldCells(List<MutableRow> rows, IReadOnlyCollection<CandidateVideo> stored)
    {
        if (stored.Count == 0) return;
        foreach (var row in rows.Where(r => r.Problems.Count == 0))
        {
            if (AddingVideo.Occupant(stored, Guid.Empty, row.Condition!, row.Prompt!, row.Seed) is { } held
                && !string.Equals(held.FileName, Path.GetFileName(row.File), StringComparison.OrdinalIgnoreCase))
                row.Problems.Add(HeldBy(held, row.Condition!, row.Prompt!, row.Seed));
        }
    }

    /// <summary>Why a file may not take a cell: the stored video that holds it.</summary>
    public static string HeldBy(CandidateVideo held, string condition, string prompt, int? seed) =>
        $"video {held.Id} ({held.FileName}) is stored for {AddingVideo.Cell(condition, prompt, seed)} already; trials would show only one of the two (give this file another seed or leave it out)";

    private static string Shown(string text) => text.Length > 60 ? text[..60] + "…" : text;

    private sealed class MutableRow
    {
        public string? File { get; set; }
        public int? Line { get; set; }
        public string? Condition { get; set; }
        public string? Prompt { get; set; }
        public string? Task { get; set; }
        public int? Seed { get; set; }
        public List<string> Problems { get; } = [];
        public string Where => Line is { } line ? $"manifest line {line}{(string.IsNullOrEmpty(File) ? "" : $" ({File})")}" : $"file {File}";

        public static implicit operator BulkRow(MutableRow r) => new(r.File, r.Line, r.Condition, r.Prompt, r.Task, r.Seed, r.Problems);
    }
}
