using Platform.Common;

namespace Platform.Studies;

public sealed record AddVideo(Guid VideoId, Guid StudyId, string Condition, string Prompt, string? Task, int? Seed, string FileName, long Bytes, Guid By);

public static class AddingVideo
{
    /// <summary>The problem+json member naming the video that holds the cell already.</summary>
    public const string ExistingVideoMember = "existingVideoId";

    /// <param name="stored">The study's videos stored so far (any state): a new video may not take a cell one of them holds.</param>
    public static VideoUploaded Handle(Study study, IEnumerable<CandidateVideo> stored, AddVideo command, DateTimeOffset now)
    {
        if (study.Status == StudyStatus.Closed)
            throw new DomainException("The study is closed; it takes no more videos.", DomainError.Conflict);
        var condition = ConditionKeys.Find(study.Settings, command.Condition) ?? throw new DomainException(
            $"'{command.Condition?.Trim()}' is not a condition of this study; use one of: {string.Join(", ", study.Settings.Conditions.Select(c => c.Key))}.",
            DomainError.Unprocessable);
        var prompt = (command.Prompt ?? string.Empty).Trim();
        if (prompt.Length is 0 or > 4000)
            throw new DomainException("Each video needs the prompt it was generated from (1 to 4000 characters).", DomainError.Unprocessable);
        var task = (command.Task ?? string.Empty).Trim();
        var tasks = study.Settings.Tasks;
        if (tasks.Count > 0)
        {
            task = tasks.FirstOrDefault(t => string.Equals(t, task, StringComparison.OrdinalIgnoreCase))
                ?? throw new DomainException($"'{task}' is not a task of this study; use one of: {string.Join(", ", tasks)}.", DomainError.Unprocessable);
        }
        if (command.Seed is < 0)
            throw new DomainException("A seed cannot be negative.", DomainError.Unprocessable);
        if (Occupant(stored, command.VideoId, condition, prompt, command.Seed) is { } occupant)
        {
            throw new DomainException($"Nothing was stored: video {occupant.Id} ({occupant.FileName}) already holds {Cell(condition, prompt, command.Seed)}; "
                + "trials would show only one of the two. Give this video another seed, or leave it out.", DomainError.Conflict)
            {
                Extensions = new Dictionary<string, object> { [ExistingVideoMember] = occupant.Id },
            };
        }
        return new VideoUploaded(command.VideoId, study.Id, condition, prompt, task, command.Seed, Path.GetFileName(command.FileName ?? "video"), command.Bytes, command.By, now);
    }

    /// <summary>
    /// The stored video (other than <paramref name="videoId"/>, and not rejected) of this condition, prompt and seed; null
    /// when there is none. This is the cell the trial planner fills: it pairs videos by prompt and seed (no seed pairs with
    /// no seed) and takes the first of each condition, so a second video of one cell would never be shown. The task is not
    /// part of it, as the planner does not look at it.
    /// </summary>
    public static CandidateVideo? Occupant(IEnumerable<CandidateVideo> stored, Guid videoId, string condition, string prompt, int? seed) =>
        stored.Where(v => v.Id != videoId && v.State != VideoState.Rejected && v.Condition == condition && v.Prompt == prompt && v.Seed == seed)
            .OrderBy(v => v.UploadedAt).FirstOrDefault();

    /// <summary>A cell in the researcher's words: "condition 'kling-1.6', prompt 'A dancer spins' and seed 4".</summary>
    public static string Cell(string condition, string prompt, int? seed) =>
        $"condition '{condition}', prompt '{(prompt.Length > 60 ? prompt[..60] + "…" : prompt)}' and {(seed is { } s ? $"seed {s}" : "no seed")}";
}
