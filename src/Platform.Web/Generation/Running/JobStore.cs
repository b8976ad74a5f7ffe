using Marten;
using Microsoft.Extensions.Options;
using Platform.Common;
using Platform.Generation;
using Platform.Web.Generation.Protocols;
using Platform.Web.Generation.Servers;

namespace Platform.Web.Generation.Running;

/// <summary>What a run of a generation job reads and writes in PostgreSQL: the job's stream, its batch and server.</summary>
public sealed class JobStore(IDocumentStore store, ServerRegistry servers, IOptions<GenerationOptions> options, TimeProvider clock)
{
    /// <summary>A new run of the job, as its stream has it; null when there is no such job.</summary>
    public async Task<JobRun?> LoadAsync(Guid jobId, CancellationToken cancellationToken) =>
        await LoadJobAsync(jobId, cancellationToken) is { } job ? new JobRun(job, options.Value.Limits) : null;

    /// <summary>
    /// Decides on what the run found and appends the events decided. When there are events, the decision is taken
    /// again on the job as its stream has it at that moment (say it was cancelled meanwhile), in the session that
    /// appends them, so no event lands on a job it no longer fits.
    /// </summary>
    public async Task<Decision> DecideAsync(JobRun run, Observation observation, CancellationToken cancellationToken)
    {
        var decision = RunningJob.Decide(run, observation, clock.GetUtcNow());
        for (var attempt = 0; decision.Events.Count > 0; attempt++)
        {
            try
            {
                await using var session = store.LightweightSession();
                var stream = await session.Events.FetchForWriting<GenerationJob>(run.Job.Id, cancellationToken);
                decision = RunningJob.Decide(run with { Job = stream.Aggregate ?? throw NoSuchJob() }, observation, clock.GetUtcNow());
                if (decision.Events.Count == 0) break;
                stream.AppendMany(decision.Events);
                await session.SaveChangesAsync(cancellationToken);
                return decision with { Run = decision.Run with { Job = (await LoadJobAsync(run.Job.Id, cancellationToken))! } };
            }
            catch (JasperFx.ConcurrencyException) when (attempt < 3)
            {
                // Someone wrote first: decide again on what is there now.
            }
        }
        return decision;
    }

    /// <summary>The job, its batch, its server and the server's recent durations, in one round trip.</summary>
    public async Task<Observation.Checked> CheckAsync(GenerationJob job, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var batch = session.CreateBatchQuery();
        var current = batch.Load<GenerationJob>(job.Id);
        var server = batch.Load<InferenceServer>(job.Spec.ServerId);
        var generation = batch.Load<GenerationBatch>(job.BatchId);
        var health = batch.Load<ServerHealth>(job.Spec.ServerId);
        await batch.Execute(cancellationToken);
        var retired = await server is not { } found ? ServerRegistry.NotFound().Message : found.Retired ? ServerRegistry.Retired(found.Settings.Name).Message : null;
        return new Observation.Checked((await current)?.State is null or JobState.Cancelled, (await generation)?.Cancelled == true, retired,
            (await health)?.RecentSeconds ?? []);
    }

    /// <summary>The server with its API key in the clear, for a client to call it.</summary>
    public async Task<ServerConnection> ConnectionAsync(Guid serverId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return servers.Connection(await session.LoadAsync<InferenceServer>(serverId, cancellationToken) ?? throw ServerRegistry.NotFound());
    }

    /// <summary>Who started the job's batch: the candidate is registered in their name.</summary>
    public async Task<Guid> StartedByAsync(Guid batchId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return (await session.LoadAsync<GenerationBatch>(batchId, cancellationToken))?.By ?? Guid.Empty;
    }

    public Task RecordDurationAsync(Guid serverId, double seconds, CancellationToken cancellationToken) =>
        ServerHealthRecords.UpdateAsync(store, serverId, health => health.AddDuration(seconds), cancellationToken);

    private async Task<GenerationJob?> LoadJobAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<GenerationJob>(jobId, cancellationToken);
    }

    private static DomainException NoSuchJob() => new("No such job.", DomainError.NotFound);
}
