namespace Platform.Studies;

/// <summary>
/// What a bulk upload is given: the paths of its files (relative to the batch's folder, '/' between folders) and
/// either a manifest CSV (<c>file,condition,prompt,task,seed</c>) or a file-name pattern with a prompts CSV
/// (<c>prompt_id,prompt</c>, optionally <c>task</c>).
/// </summary>
public sealed record BulkRequest(IReadOnlyList<string> Files, string? Manifest, string? Pattern = null, string? Prompts = null);

/// <summary>One video of a bulk upload as it will be stored: the study's own spelling of its condition and task.</summary>
public sealed record BulkVideo(string File, string Condition, string Prompt, string Task, int? Seed);

/// <summary>
/// One line of the preview: a file and what it maps to, or a manifest line that names no file. <see cref="Line"/> is
/// its manifest line (the header is line 1); null for a file no manifest line names, and in pattern mode.
/// </summary>
public sealed record BulkRow(string? File, int? Line, string? Condition, string? Prompt, string? Task, int? Seed, IReadOnlyList<string> Problems)
{
    public bool IsValid => Problems.Count == 0;

    /// <summary>Where the row is, in the researcher's words: "manifest line 7 (kling/p01_1.mp4)", "file kling/p01_1.mp4".</summary>
    public string Where => Line is { } line ? $"manifest line {line}{(string.IsNullOrEmpty(File) ? "" : $" ({File})")}" : $"file {File}";
}

/// <summary>A problem of a bulk upload: where it is and what is wrong. <see cref="Line"/> is the manifest's line when it has one.</summary>
public sealed record BulkProblem(string Where, string Problem, int? Line = null)
{
    public override string ToString() => $"{Where}: {Problem}";
}

/// <summary>
/// The mapping of a bulk upload, to be shown before anything is stored: every row with its problems, and every problem
/// (also those of no one row: the pattern, the prompts list). It may be stored only when <see cref="IsReady"/>.
/// </summary>
/// <param name="Ignored">Chosen files that are not videos by their extension (a .DS_Store, the manifest itself): left out.</param>
public sealed record BulkPlan(IReadOnlyList<BulkRow> Rows, IReadOnlyList<BulkProblem> Problems, IReadOnlyList<string> Ignored)
{
    public bool IsReady => Problems.Count == 0 && Rows.Count > 0;

    public IReadOnlyList<BulkVideo> Videos => [.. Rows.Where(r => r.IsValid).Select(r => new BulkVideo(r.File!, r.Condition!, r.Prompt!, r.Task ?? string.Empty, r.Seed))];

    /// <summary>The manifest lines with a problem.</summary>
    public IReadOnlyList<int> BadLines => [.. Problems.Where(p => p.Line is not null).Select(p => p.Line!.Value).Distinct().Order()];
}
