using Marten;
using MassTransit;
using Platform.Generation;
using Platform.Web.Generation.Following;

namespace Platform.Web.Generation.Running;

/// <summary>Tells the web side how a job ended, and when it was its batch's last.</summary>
public sealed class JobAnnouncements(IDocumentStore store, IBus bus)
{
    public async Task AnnounceAsync(Guid jobId)
    {
        await using var session = store.QuerySession();
        var job = await session.LoadAsync<GenerationJob>(jobId);
        if (job is not { IsFinished: true }) return;
        if (job.State == JobState.Failed)
            await bus.Publish(new GenerationFailed(job.StudyId, job.BatchId, job.Id, job.Reason ?? ""));
        var states = await session.Query<GenerationJob>().Where(j => j.BatchId == job.BatchId).Select(j => j.State).ToListAsync();
        if (states.All(s => s is JobState.Succeeded or JobState.Failed or JobState.Cancelled))
        {
            await bus.Publish(new BatchCompleted(job.StudyId, job.BatchId,
                states.Count(s => s == JobState.Succeeded), states.Count(s => s == JobState.Failed), states.Count(s => s == JobState.Cancelled)));
        }
    }
}
