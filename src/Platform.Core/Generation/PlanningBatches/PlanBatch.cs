using Platform.Common;
using Platform.Studies;

namespace Platform.Generation;

public sealed record PromptToGenerate(string Prompt, string Task);

/// <summary>One condition of the study and where and how its videos are generated.</summary>
public sealed record ConditionPlan(string Condition, Guid ServerId, GenerationSettings? Settings);

public sealed record PlanBatch(Guid BatchId, Guid StudyId, IReadOnlyList<PromptToGenerate> Prompts, IReadOnlyList<ConditionPlan> Conditions, IReadOnlyList<int> Seeds, Guid By);

/// <summary>A candidate the study has or is already getting: (condition, prompt, seed) is not generated again.</summary>
public sealed record ExistingCandidate(string Condition, string Prompt, int? Seed);

/// <summary>One video to generate; <see cref="Settings"/> already include the server's defaults.</summary>
public sealed record PlannedJob(Guid JobId, string Prompt, string Task, string Condition, int Seed, Guid ServerId, GenerationSettings Settings);

public sealed record GenerationBatchPlanned(Guid BatchId, Guid StudyId, IReadOnlyList<PlannedJob> Jobs, int AlreadyThere, Guid By, DateTimeOffset At);

public sealed record GenerationBatchCancelled(Guid BatchId, Guid By, DateTimeOffset At);

public static class PlanningBatch
{
    public const int MaxJobs = 5000;
    public const int MaxSeeds = 20;

    /// <summary>
    /// One job per prompt × condition × seed that the study still lacks (neither a usable video nor a job in flight),
    /// each on its condition's server with the server's defaults under the condition's settings.
    /// </summary>
    public static GenerationBatchPlanned Handle(
        Study study, PlanBatch command, IReadOnlyCollection<ExistingCandidate> existing, IReadOnlyDictionary<Guid, InferenceServer> servers, DateTimeOffset now)
    {
        if (study.Status == StudyStatus.Closed)
            throw new DomainException("The study is closed; it takes no more videos.", DomainError.Conflict);
        // A condition named in another case is the study's own: its jobs and videos carry the study's spelling.
        command = command with { Conditions = [.. command.Conditions.Select(c => c with { Condition = ConditionKeys.Find(study.Settings, c.Condition) ?? c.Condition })] };
        var prompts = command.Prompts.Select(p => new PromptToGenerate((p.Prompt ?? "").Trim(), (p.Task ?? "").Trim())).ToList();
        var problems = Problems(study, command, prompts, servers);
        if (problems.Count > 0) throw new DomainException("The batch needs " + string.Join("; ", problems.Distinct()) + ".", DomainError.Unprocessable);

        var tasks = study.Settings.Tasks;
        var have = existing.Select(e => (e.Condition, e.Prompt, e.Seed)).ToHashSet();
        var cells = (from p in prompts.DistinctBy(p => p.Prompt)
                     from c in command.Conditions
                     from seed in command.Seeds.Distinct()
                     select (p, c, seed)).ToList();
        var jobs = cells
            .Where(x => !have.Contains((x.c.Condition, x.p.Prompt, x.seed)))
            .Select(x => new PlannedJob(
                StableId.From(command.BatchId, x.c.Condition, x.p.Prompt, x.seed), x.p.Prompt, Task(tasks, x.p.Task), x.c.Condition, x.seed, x.c.ServerId,
                (x.c.Settings ?? GenerationSettings.None).Over(servers[x.c.ServerId].Settings.Defaults)))
            .ToList();
        if (jobs.Count > MaxJobs)
            throw new DomainException($"The batch would make {jobs.Count} videos; at most {MaxJobs} are taken at once. Split the prompts.", DomainError.Unprocessable);
        return new GenerationBatchPlanned(command.BatchId, study.Id, jobs, cells.Count - jobs.Count, command.By, now);
    }

    /// <summary>What the batch lacks, each as "the batch needs …" would end; empty when it lacks nothing.</summary>
    private static List<string> Problems(Study study, PlanBatch command, List<PromptToGenerate> prompts, IReadOnlyDictionary<Guid, InferenceServer> servers)
    {
        var problems = new List<string>();
        if (prompts.Count == 0) problems.Add("at least one prompt");
        if (prompts.Any(p => p.Prompt.Length is 0 or > 4000)) problems.Add("prompts of 1 to 4000 characters");
        var tasks = study.Settings.Tasks;
        foreach (var unknown in prompts.Select(p => p.Task).Distinct().Where(t => tasks.Count > 0 && !tasks.Contains(t, StringComparer.OrdinalIgnoreCase)))
            problems.Add($"a task of the study for every prompt ('{unknown}' is not one of {string.Join(", ", tasks)})");
        if (command.Conditions.Count == 0) problems.Add("at least one condition mapped to a server");
        foreach (var c in command.Conditions)
        {
            if (study.Settings.Conditions.All(k => k.Key != c.Condition)) problems.Add($"conditions of the study ('{c.Condition}' is not one)");
            if (!servers.TryGetValue(c.ServerId, out var server) || server.Retired) problems.Add($"a registered server for condition '{c.Condition}'");
            problems.AddRange((c.Settings ?? GenerationSettings.None).Problems().Select(p => $"for condition '{c.Condition}' {p}"));
        }
        foreach (var twice in command.Conditions.GroupBy(c => c.Condition).Where(g => g.Count() > 1))
            problems.Add($"each condition mapped once ('{twice.Key}' is mapped {twice.Count()} times)");
        if (command.Seeds.Count is 0 or > MaxSeeds) problems.Add($"1 to {MaxSeeds} seeds");
        if (command.Seeds.Any(s => s < 0)) problems.Add("seeds of 0 or more");
        return problems;
    }

    public static GenerationBatchCancelled Cancel(GenerationBatch batch, Guid by, DateTimeOffset now) =>
        batch.Cancelled ? throw new DomainException("The batch is already cancelled.", DomainError.Conflict) : new(batch.Id, by, now);

    private static string Task(IReadOnlyList<string> tasks, string task) =>
        tasks.FirstOrDefault(t => string.Equals(t, task, StringComparison.OrdinalIgnoreCase)) ?? task;
}
