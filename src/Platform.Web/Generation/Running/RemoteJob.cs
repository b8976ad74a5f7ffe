using Platform.Generation;
using Platform.Web.Generation.Protocols;

namespace Platform.Web.Generation.Running;

/// <summary>
/// One job on its server, as a run sees it: each call's outcome, or the refusal, back-pressure or HTTP error it ended
/// in, is what the run observed. Errors no rule covers (a submission that never got through, say) are left to
/// Hangfire's retries.
/// </summary>
public sealed class RemoteJob(ServerConnection server, IVideoServerClient client, Guid jobId, TimeProvider clock, ILogger logger)
{
    public async Task<Observation> SubmitAsync(PlannedJob spec, CancellationToken cancellationToken)
    {
        try
        {
            return new Observation.Submitted(await client.SubmitAsync(server, new RemoteRequest(jobId.ToString(), spec.Prompt, spec.Seed, spec.Settings), cancellationToken));
        }
        catch (ServerBusyException busy)
        {
            return Busy(busy);
        }
        catch (ServerRefusedException refused)
        {
            return new Observation.Refused(refused.Message);
        }
    }

    public async Task<Observation> PollAsync(string remoteId, CancellationToken cancellationToken)
    {
        try
        {
            return await client.StatusAsync(server, remoteId, cancellationToken) switch
            {
                RemoteStatus.Completed => new Observation.Completed(),
                RemoteStatus.Failed failed => new Observation.FailedThere(failed.Reason),
                RemoteStatus.Lost => Lost("it no longer knows the job"),
                _ => new Observation.StillRunning(),
            };
        }
        catch (ServerBusyException busy)
        {
            return Busy(busy);
        }
        catch (ServerRefusedException refused)
        {
            return new Observation.Refused(refused.Message);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new Observation.Unanswered(e.Message);
        }
    }

    /// <summary>Writes the finished video to <paramref name="path"/>, length-checked, within <paramref name="timeout"/>.</summary>
    public async Task<Observation> DownloadAsync(string remoteId, string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var tooLong = new CancellationTokenSource(timeout, clock);
        using var limited = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, tooLong.Token);
        try
        {
            await client.DownloadAsync(server, remoteId, path, limited.Token);
            return new Observation.Downloaded();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Observation.DownloadTimedOut();
        }
        catch (JobLostException lost)
        {
            return Lost(lost.Message);
        }
        catch (ServerBusyException busy)
        {
            return Busy(busy);
        }
        catch (ServerRefusedException refused)
        {
            return new Observation.Refused(refused.Message);
        }
        catch (Exception cut) when (cut is IOException or HttpRequestException)
        {
            logger.LogWarning("Download of job {JobId} failed ({Reason})", jobId, cut.Message);
            return new Observation.DownloadCut(cut.Message);
        }
    }

    /// <summary>Best effort: the server may be gone.</summary>
    public async Task<Observation> CancelAsync(string remoteId, CancellationToken cancellationToken)
    {
        try
        {
            await client.CancelAsync(server, remoteId, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException or ServerBusyException or ServerRefusedException)
        {
            logger.LogInformation("Server {Server} was not told to drop job {JobId}: {Reason}", server.Settings.Name, jobId, e.Message);
        }
        return new Observation.Done();
    }

    private Observation.Busy Busy(ServerBusyException busy)
    {
        logger.LogInformation("Server {Server} is busy ({Reason}); job {JobId} waits", server.Settings.Name, busy.Message, jobId);
        return new Observation.Busy(busy.RetryAfter);
    }

    private Observation.Lost Lost(string reason)
    {
        logger.LogWarning("Server {Server} lost job {JobId} (restarted?): {Reason}", server.Settings.Name, jobId, reason);
        return new Observation.Lost();
    }
}
