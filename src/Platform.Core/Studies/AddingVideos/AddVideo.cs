using Platform.Common;

namespace Platform.Studies;

public sealed record AddVideo(Guid VideoId, Guid StudyId, string Condition, string Prompt, string? Task, int? Seed, string FileName, long Bytes, Guid By);

public static class AddingVideo
{
    public static VideoUploaded Handle(Study study, AddVideo command, DateTimeOffset now)
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
        return new VideoUploaded(command.VideoId, study.Id, condition, prompt, task, command.Seed, Path.GetFileName(command.FileName ?? "video"), command.Bytes, command.By, now);
    }
}
