using Microsoft.Extensions.Options;
using Platform.RenderServer.Faults;
using Platform.RenderServer.Rendering;

namespace Platform.RenderServer.Jobs;

/// <summary>
/// Runs submitted jobs, at most MaxConcurrentJobs at once (a SemaphoreSlim); the rest wait as "queued". A job holds
/// its slot until it has taken at least the configured latency since submission, as a GPU would.
/// </summary>
#pragma warning disable CA1001 // The semaphore's wait handle is never created, so there is nothing to dispose; it lives as long as the app.
public sealed class JobRunner(
    JobStore store,
    FfmpegRenderer renderer,
    RenderStats stats,
    FaultState faults,
    IOptions<RenderOptions> options,
    ILogger<JobRunner> logger)
{
    private static readonly JobError SimulatedFailure = new("simulated_failure", "simulated GPU out of memory (CUDA out of memory)");
    private readonly SemaphoreSlim slots = new(Math.Max(1, options.Value.MaxConcurrentJobs));

    public string DataDirectory => Path.GetFullPath(options.Value.DataDirectory);

    public (RenderJob Job, bool Created) Submit(JobDraft draft)
    {
        var (job, created) = store.GetOrAdd(draft, number => new RenderJob(draft, number, faults.ForNewJob(), options.Value.Latency));
        if (created)
        {
            stats.Submitted();
            _ = Task.Run(() => RunAsync(job));
        }
        return (job, created);
    }

    /// <summary>Cancels a queued or running job; false when it had already finished.</summary>
    public bool Cancel(RenderJob job)
    {
        if (!job.Cancel())
        {
            return false;
        }
        stats.Cancelled();
        return true;
    }

    /// <summary>What an in-memory server's restart does: every job is forgotten and anything running stops.</summary>
    public void ForgetAll()
    {
        foreach (var job in store.Clear())
        {
            job.Cancel();
        }
    }

    public string PathOf(RenderJob job) => Path.Combine(DataDirectory, job.FileName);

    private async Task RunAsync(RenderJob job)
    {
        var token = job.Cancellation;
        try
        {
            if (job.Faults.Hang)
            {
                job.Start();
                await Task.Delay(Timeout.Infinite, token);
            }
            await slots.WaitAsync(token);
            stats.SlotTaken();
            try
            {
                await RenderInSlotAsync(job, token);
            }
            finally
            {
                stats.SlotFreed();
                slots.Release();
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Whoever cancelled has already recorded the job as cancelled.
        }
#pragma warning disable CA1031 // A failed render must become a failed job, whatever went wrong.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.LogWarning(exception, "Render {JobId} failed", job.Id);
            if (job.Fail(new JobError("render_failed", exception.Message)))
            {
                stats.Failed();
            }
        }
    }

    private async Task RenderInSlotAsync(RenderJob job, CancellationToken token)
    {
        if (!job.Start())
        {
            return;
        }
        if (job.Faults.Fail)
        {
            job.ReportFrames(1);
            await WaitOutLatencyAsync(job, token);
            if (job.Fail(SimulatedFailure))
            {
                stats.Failed();
            }
            return;
        }

        Directory.CreateDirectory(DataDirectory);
        var path = PathOf(job);
        await renderer.RenderAsync(job.Settings, path, job.ReportFrames, token);
        await WaitOutLatencyAsync(job, token);
        if (job.Complete())
        {
            stats.Rendered();
        }
        else
        {
            File.Delete(path);
        }
    }

    private static Task WaitOutLatencyAsync(RenderJob job, CancellationToken token)
    {
        var remaining = job.Latency - job.Age;
        return remaining > TimeSpan.Zero ? Task.Delay(remaining, token) : Task.CompletedTask;
    }
}
#pragma warning restore CA1001
