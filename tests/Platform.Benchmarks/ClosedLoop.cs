namespace Platform.Benchmarks;

/// <summary>
/// N virtual participants, each with one request in flight and no think time: start a session, then next → answer
/// until the session is finished (204), then a new participant. What it measures is the platform's capacity at that
/// concurrency (closed loop: a slow answer delays the next request, so latency is per request, not per arrival).
/// </summary>
public static class ClosedLoop
{
    public static async Task RunAsync(VoterCalls calls, LoadRecorder recorder, int participants, CancellationToken cancellationToken)
    {
        await Task.WhenAll(Enumerable.Range(0, participants).Select(p => Task.Run(() => ParticipateAsync(calls, recorder, p, cancellationToken), CancellationToken.None)));
    }

    private static async Task ParticipateAsync(VoterCalls calls, LoadRecorder recorder, int worker, CancellationToken cancellationToken)
    {
        string? token = null;
        var started = 0;
        while (!recorder.Stopped && !cancellationToken.IsCancellationRequested)
        {
            token ??= await calls.StartSessionAsync($"closed-{worker}-{started++}");
            if (token is null)
            {
                await PauseAfterFailureAsync();
                continue;
            }
            var (outcome, trial) = await calls.NextAsync(token);
            if (outcome != NextOutcome.Trial || recorder.Stopped)
            {
                // Finished: a new participant takes the seat. Failed: the session is given up.
                token = null;
                if (outcome == NextOutcome.Failed) await PauseAfterFailureAsync();
                continue;
            }
            if (!await calls.JudgeAsync(token, trial!))
            {
                token = null;
                await PauseAfterFailureAsync();
            }
        }
    }

    /// <summary>A failing platform is not hammered in a tight loop by the client that saw the failure.</summary>
    public static Task PauseAfterFailureAsync() => Task.Delay(100, CancellationToken.None);
}
