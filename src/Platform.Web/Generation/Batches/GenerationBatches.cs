using Hangfire;
using Marten;
using Platform.Common;
using Platform.Generation;
using Platform.Studies;
using Platform.Web.Generation.Running;
using Platform.Web.Generation.Servers;
using Platform.Web.Hosting.Database;
using Platform.Web.Studies;

namespace Platform.Web.Generation.Batches;

/// <param name="Prompts">Null or empty: the prompts (and tasks) of the study's videos so far.</param>
public sealed record BatchRequest(IReadOnlyList<PromptToGenerate>? Prompts, IReadOnlyList<ConditionPlan> Conditions, IReadOnlyList<int> Seeds);

public sealed record BatchPreview(int Jobs, int AlreadyThere, IReadOnlyList<PlannedJob> Plan, double? EstimatedSeconds);

public sealed record JobView(Guid Id, string Prompt, string Task, string Condition, int Seed, JobState State, int Attempts, string? Reason, Guid? VideoId, double? Seconds);

public sealed record BatchProgress(Guid Id, Guid StudyId, bool Cancelled, DateTimeOffset PlannedAt, int Jobs, int Queued, int Running, int Succeeded, int Failed, int CancelledJobs, IReadOnlyList<JobView> JobList)
{
    public bool Finished => Queued + Running == 0;
}

/// <summary>Plans, starts, follows and cancels generation batches for a study.</summary>
public sealed class GenerationBatches(IDocumentStore store, IBackgroundJobClient jobs, TimeProvider clock, ILogger<GenerationBatches> logger)
{
    public async Task<BatchPreview> PreviewAsync(Guid studyId, BatchRequest request, Guid by, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var planned = await PlanAsync(session, studyId, Guid.NewGuid(), request, by, cancellationToken);
        var servers = await session.LoadManyAsync<InferenceServer>(cancellationToken, planned.Jobs.Select(j => j.ServerId).Distinct());
        var health = await session.LoadManyAsync<ServerHealth>(cancellationToken, servers.Select(s => s.Id));
        var estimate = Estimating.For(planned.Jobs,
            servers.ToDictionary(s => s.Id, s => s.Settings.MaxConcurrentJobs),
            health.ToDictionary(h => h.Id, h => (IReadOnlyList<double>)h.RecentSeconds));
        return new BatchPreview(planned.Jobs.Count, planned.AlreadyThere, planned.Jobs, estimate.Total?.TotalSeconds);
    }

    public async Task<GenerationBatchPlanned> StartAsync(Guid studyId, BatchRequest request, Guid by, CancellationToken cancellationToken)
    {
        GenerationBatchPlanned planned;
        await using (var session = store.LightweightSession())
        {
            // Under the study's lock, so two batches started together do not both plan the same missing cells.
            await StudyLock.AcquireAsync(session, studyId, cancellationToken);
            planned = await PlanAsync(session, studyId, Guid.NewGuid(), request, by, cancellationToken);
            if (planned.Jobs.Count == 0)
                throw new DomainException($"The study already has (or is generating) all {planned.AlreadyThere} of these videos.", DomainError.Conflict);
            session.Events.StartStream<GenerationBatch>(planned.BatchId, planned);
            foreach (var job in planned.Jobs)
                session.Events.StartStream<GenerationJob>(job.JobId, new GenerationJobQueued(job.JobId, planned.BatchId, studyId, job, planned.At));
            await session.SaveChangesAsync(cancellationToken);
        }
        // A few at a time: each enqueue is its own transaction, and the first wave should start while the rest follow.
        // A run that cannot be enqueued now is not lost: the batch is saved, and the resume sweep gives it one.
        Parallel.ForEach(planned.Jobs, new ParallelOptions { MaxDegreeOfParallelism = 4 }, job =>
        {
            try
            {
                jobs.Enqueue<RunGenerationJob>(j => j.RunAsync(job.JobId, null, CancellationToken.None));
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
            {
                logger.LogWarning(e, "Could not enqueue generation job {JobId}; the resume sweep will", job.JobId);
            }
        });
        return planned;
    }

    public Task CancelAsync(Guid batchId, Guid by, CancellationToken cancellationToken) =>
        store.DecideAsync<GenerationBatch>(batchId, (_, batch) => Task.FromResult<object?>(PlanningBatch.Cancel(batch, by, clock.GetUtcNow())),
            NoSuchBatch, cancellationToken);

    public async Task<IReadOnlyList<BatchProgress>> ListAsync(Guid studyId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var batches = await session.Query<GenerationBatch>().Where(b => b.StudyId == studyId).OrderByDescending(b => b.PlannedAt).ToListAsync(cancellationToken);
        var all = await session.Query<GenerationJob>().Where(j => j.StudyId == studyId).ToListAsync(cancellationToken);
        return [.. batches.Select(b => Progress(b, all.Where(j => j.BatchId == b.Id)))];
    }

    /// <summary>The study a batch generates for; null when there is no such batch.</summary>
    public async Task<Guid?> StudyOfAsync(Guid batchId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var studies = await session.Query<GenerationBatch>().Where(b => b.Id == batchId).Select(b => b.StudyId).ToListAsync(cancellationToken);
        return studies.Count == 0 ? null : studies[0];
    }

    public static DomainException NoSuchBatch() => new("There is no such batch.", DomainError.NotFound);

    public async Task<BatchProgress> ProgressAsync(Guid batchId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var batch = await session.LoadAsync<GenerationBatch>(batchId, cancellationToken) ?? throw NoSuchBatch();
        var jobList = await session.Query<GenerationJob>().Where(j => j.BatchId == batchId).ToListAsync(cancellationToken);
        return Progress(batch, jobList);
    }

    private static BatchProgress Progress(GenerationBatch batch, IEnumerable<GenerationJob> jobs)
    {
        var list = jobs.OrderBy(j => j.Spec.Prompt, StringComparer.Ordinal).ThenBy(j => j.Spec.Condition, StringComparer.Ordinal).ThenBy(j => j.Spec.Seed).ToList();
        int Count(JobState state) => list.Count(j => j.State == state);
        return new BatchProgress(batch.Id, batch.StudyId, batch.Cancelled, batch.PlannedAt, list.Count,
            Count(JobState.Queued), Count(JobState.Submitted), Count(JobState.Succeeded), Count(JobState.Failed), Count(JobState.Cancelled),
            [.. list.Select(j => new JobView(j.Id, j.Spec.Prompt, j.Spec.Task, j.Spec.Condition, j.Spec.Seed, j.State, j.Attempts, j.Reason, j.VideoId, j.Seconds))]);
    }

    private async Task<GenerationBatchPlanned> PlanAsync(IQuerySession session, Guid studyId, Guid batchId, BatchRequest request, Guid by, CancellationToken cancellationToken)
    {
        var study = await session.LoadAsync<Study>(studyId, cancellationToken) ?? throw StudyCatalog.NotFound();
        var videos = await session.Query<CandidateVideo>().Where(v => v.StudyId == studyId).ToListAsync(cancellationToken);
        var inFlight = await session.Query<GenerationJob>()
            .Where(j => j.StudyId == studyId && (j.State == JobState.Queued || j.State == JobState.Submitted)).ToListAsync(cancellationToken);
        var existing = videos.Where(v => v.State != VideoState.Rejected).Select(v => new ExistingCandidate(v.Condition, v.Prompt, v.Seed))
            .Concat(inFlight.Select(j => new ExistingCandidate(j.Spec.Condition, j.Spec.Prompt, j.Spec.Seed)))
            .ToList();
        var prompts = request.Prompts is { Count: > 0 } given ? given
            : [.. videos.Select(v => new PromptToGenerate(v.Prompt, v.Task)).DistinctBy(p => p.Prompt)];
        var servers = (await session.LoadManyAsync<InferenceServer>(cancellationToken, (request.Conditions ?? []).Select(c => c.ServerId).Distinct()))
            .ToDictionary(s => s.Id);
        return PlanningBatch.Handle(study, new PlanBatch(batchId, studyId, prompts, request.Conditions ?? [], request.Seeds ?? [], by), existing, servers, clock.GetUtcNow());
    }
}
