using Platform.Testing;

namespace Platform.Benchmarks;

/// <summary>
/// The voting load harness (issue 11): the published platform in its own process, a large open study made through the
/// API, then participants through the public API only — a closed loop of N participants or an open loop at a fixed
/// rate — and pgbench on the platform's own cluster for comparison. Run it as docs/BENCHMARKS.md ("Voting at crowd scale: the load harness") says.
/// </summary>
public static class VotingHarness
{
    public static async Task<int> RunAsync(VotingOptions options, string[] args)
    {
        MachineInfo.Print(args);
        var study = LoadStudy.For(options);
        study.PrintCapacity(options);
        using var cancel = CancelOnCtrlC();

        await using var platform = await PlatformProcess.StartAsync(options.Published, options.Settings, cancel.Token);
        Console.WriteLine($"Voting:RequestsPerClientPerMinute = {PlatformProcess.RequestsPerClientPerMinute}: all the load comes from one address (127.0.0.1), which the participants' rate limit would otherwise throttle");
        using var researcher = new HttpClient { BaseAddress = new Uri(platform.BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
        await researcher.SignInAsync(PlatformProcess.AdminEmail, platform.AdminPassword);
        var studyId = await study.CreateAsync(researcher, cancel.Token);

        var recorder = new LoadRecorder(TimeSpan.FromSeconds(options.Warmup), TimeSpan.FromSeconds(options.Seconds));
        using var http = LoadClient(platform.BaseUrl, options.Rate is null ? options.Participants : options.MaxInFlight);
        var calls = new VoterCalls(http, recorder, studyId, cancel.Token);
        int pgbenchClients;
        if (options.Rate is { } rate)
        {
            Console.WriteLine($"open loop: {rate:0.#} arrivals/s (one arrival = next + answer) for {options.Warmup} s warm-up{(options.Ramp ? " (the rate rising from 0)" : "")} + {options.Seconds} s measured, at most {options.MaxInFlight} in flight");
            var counts = await OpenLoop.RunAsync(calls, recorder, rate, options.Ramp, options.MaxInFlight, cancel.Token);
            LoadReport.Print(recorder, $"open loop at {rate:0.#} arrivals/s");
            Console.WriteLine($"arrivals in the window: {counts.Scheduled} scheduled, {counts.Late} sent more than 10 ms late (the generator fell behind; still timed from their schedule), " +
                $"{counts.Dropped} dropped ({options.MaxInFlight} already in flight), {counts.Unfinished} unfinished 30 s after the end (in the arrivals' percentiles as they stood); mean in flight {counts.MeanInFlight:0.0}");
            // The same concurrency as the platform saw: arrivals in flight on average (Little's law).
            pgbenchClients = Math.Max(1, (int)Math.Ceiling(counts.MeanInFlight));
        }
        else
        {
            Console.WriteLine($"closed loop: {options.Participants} participants, no think time, for {options.Warmup} s warm-up + {options.Seconds} s measured");
            await ClosedLoop.RunAsync(calls, recorder, options.Participants, cancel.Token);
            LoadReport.Print(recorder, $"closed loop of {options.Participants} participants");
            pgbenchClients = options.Participants;
        }
        var used = recorder.AllAcknowledged();
        Console.WriteLine($"study capacity used: {used} of {study.Capacity} judgments ({100.0 * used / study.Capacity:0}%)");
        if (used > 0.9 * study.Capacity)
            Console.WriteLine("WARNING: the study was (nearly) used up: trials ran out of room under k near the end; run again with more --prompts.");

        if (options.Pgbench && !cancel.IsCancellationRequested)
        {
            Console.WriteLine();
            var tps = await Pgbench.RunAsync(platform, pgbenchClients, options.PgbenchSeconds ?? options.Seconds, cancel.Token);
            if (tps is { } t)
                Console.WriteLine($"pgbench tps: {t:0.0}; judgments/s ÷ pgbench tps = {recorder.JudgmentsPerSecond() / t:G3}");
        }
        Console.WriteLine();
        platform.PrintLogSummary();
        return used > 0 ? 0 : 1;
    }

    /// <summary>One client for all participants, with a connection each (the closed loop) or for every arrival in flight.</summary>
    private static HttpClient LoadClient(string baseUrl, int connections) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseCookies = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>Ctrl+C ends the load early; the platform is still stopped cleanly and its directory removed.</summary>
    public static CancellationTokenSource CancelOnCtrlC()
    {
        var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        return cancel;
    }
}
