using Hangfire;
using Platform.Generation;

namespace Platform.Web.Generation.Running;

/// <summary>What one run of a job does besides deciding: performs each <see cref="JobAction"/> and says what came of it.</summary>
public sealed class RunEffects(GenerationJob job, RemoteJob remote, SlotHolder slot, JobEffects effects, string download) : IAsyncDisposable
{
    /// <returns>What came of it; null when the run ends here.</returns>
    public async Task<Observation?> PerformAsync(JobAction action, CancellationToken cancellationToken) => action switch
    {
        JobAction.Check => await effects.Store.CheckAsync(job, cancellationToken),
        JobAction.TakeSlot take => await slot.TakeAsync(take.Within, cancellationToken),
        JobAction.Submit => await remote.SubmitAsync(job.Spec, cancellationToken),
        JobAction.Wait wait => await WaitAsync(wait.Delay, cancellationToken),
        JobAction.Poll poll => await remote.PollAsync(poll.RemoteId, cancellationToken),
        JobAction.ReleaseSlot => await slot.ReleaseAsync(),
        JobAction.Download fetch => await remote.DownloadAsync(fetch.RemoteId, download, fetch.Timeout, cancellationToken),
        JobAction.Register register => await effects.Registration.RegisterAsync(job, register.VideoId, download, cancellationToken),
        JobAction.CancelRemote cancel => await remote.CancelAsync(cancel.RemoteId, cancellationToken),
        JobAction.RecordDuration record => await RecordAsync(record.Seconds, cancellationToken),
        JobAction.RunAgainLater later => RunAgainLater(later.After),
        JobAction.Stop => null,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "No way to perform this action."),
    };

    public async ValueTask DisposeAsync()
    {
        File.Delete(download);
        await slot.DisposeAsync();
    }

    private async Task<Observation> WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, effects.Clock, cancellationToken);
        return new Observation.Waited();
    }

    private async Task<Observation> RecordAsync(double seconds, CancellationToken cancellationToken)
    {
        await effects.Store.RecordDurationAsync(job.Spec.ServerId, seconds, cancellationToken);
        return new Observation.Done();
    }

    private Observation? RunAgainLater(TimeSpan after)
    {
        var jobId = job.Id;
        effects.Jobs.Schedule<RunGenerationJob>(j => j.RunAsync(jobId, null, CancellationToken.None), after);
        return null;
    }
}
