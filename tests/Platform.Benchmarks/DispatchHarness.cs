using System.Globalization;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Platform.Generation;
using Platform.Studies;
using Platform.Testing;
using Platform.Web.Generation.Batches;

namespace Platform.Benchmarks;

/// <summary>
/// A load harness (not BenchmarkDotNet: one long run is the measurement): N reference render servers with a fixed
/// latency, each registered with a limit of L jobs, and a batch of N × L × waves jobs through the real host (Hangfire,
/// PostgreSQL, HTTP). Reports each server's utilisation (its busy time over the wall time) and the dispatch overhead:
/// the gap between a job freeing a server slot and the next job being submitted to that server.
/// </summary>
public static class DispatchHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        // dispatch [servers limit waves latencySeconds] [--workers N] [--cold] [--small]
        var numbers = args.Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        int Arg(int index, int fallback) => numbers.Count > index ? int.Parse(numbers[index], CultureInfo.InvariantCulture) : fallback;
        var (servers, limit, waves, latencySeconds) = (Arg(0, 4), Arg(1, 2), Arg(2, 5), Arg(3, 5));
        var workersAt = Array.IndexOf(args, "--workers");
        // The platform's own default (Generation:Workers) unless given.
        var workers = workersAt > 0 && workersAt + 1 < args.Length ? int.Parse(args[workersAt + 1], CultureInfo.InvariantCulture) : new Platform.Web.Generation.Running.GenerationOptions().Workers;
        Console.WriteLine($"{servers} servers × limit {limit} × {waves} waves, latency {latencySeconds} s: {servers * limit * waves} jobs, {workers} generation workers");

        // Outside a test run the host's content root is not found by itself: point at src/Platform.Web.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PLATFORM_WEB", Path.Combine(RepositoryRoot.Find(), "src", "Platform.Web"));

        var renders = new List<RenderServerProcess>();
        for (var i = 0; i < servers; i++)
            renders.Add(await RenderServerProcess.StartAsync(TimeSpan.FromSeconds(latencySeconds), maxConcurrentJobs: limit));
        await using var factory = new PlatformFactory(await TestDatabase.CreateAsync("dispatch"), new Dictionary<string, string?>
        {
            ["Generation:Workers"] = workers.ToString(CultureInfo.InvariantCulture),
            ["Generation:SlotWait"] = "00:01:00",
            ["Generation:JobTimeout"] = "00:10:00",
            ["Jobs:WorkerCount"] = "4",
        });
        var admin = await factory.AdminAsync();
        var serverIds = new List<Guid>();
        foreach (var render in renders)
            serverIds.Add((await admin.RegisterServerAsync(render.BaseUrl, maxConcurrentJobs: limit, name: $"bench-{serverIds.Count}")).Id);

        // One condition per server, so each server gets limit × waves jobs.
        var conditions = serverIds.Select((_, i) => new Condition($"c{i}", $"Condition {i}", i == 0)).ToList();
        // --small: 16 frames of 160 × 96 instead of the server's defaults, so the CPU the render servers and the
        // platform's own video processing take on this machine disturbs the dispatch measured less.
        var settings = args.Contains("--small") ? new GenerationSettings(Frames: 16, Width: 160, Height: 96) : null;
        BatchRequest Batch(int prompts) => new(
            [.. Enumerable.Range(0, prompts).Select(p => new PromptToGenerate($"prompt {p}", ""))],
            [.. serverIds.Select((id, i) => new ConditionPlan($"c{i}", id, settings))], [1]);

        // A warm-up batch first (one wave, on a study of its own), as a benchmark warms up before it measures: the
        // process's first runs pay for JIT compilation, connection pools and HTTP handlers once in its life. Its
        // figures are printed, then the servers' counters start again for the measured batch.
        if (!args.Contains("--cold"))
        {
            var warmStudy = await admin.CreateStudyAsync(new StudyBuilder { Conditions = conditions, Tasks = [], Pairing = PairingRule.AllPairs }.Build());
            var warmStarted = DateTimeOffset.UtcNow;
            var warm = await admin.StartBatchAsync(warmStudy, Batch(limit));
            await admin.WaitForBatchAsync(warm.BatchId, TimeSpan.FromMinutes(10));
            var warmJobs = await JobsAsync(factory, warm.BatchId);
            Console.WriteLine($"warm-up batch: {servers * limit} jobs, API call → first submission {(warmJobs.Min(Submitted) - warmStarted).TotalSeconds:0.00} s, wall {(warmJobs.Max(Ended) - warmStarted).TotalSeconds:0.00} s");
            // Its videos' processing (poster, gold copies) runs after the jobs end: let it finish, so it does not take
            // the CPU from the measured batch's start.
            await admin.WaitForVideosAsync(warmStudy, TimeSpan.FromMinutes(5));
            foreach (var render in renders) await render.ResetStatsAsync();
        }

        var studyId = await admin.CreateStudyAsync(new StudyBuilder { Conditions = conditions, Tasks = [], Pairing = PairingRule.AllPairs }.Build());
        var request = Batch(limit * waves);

        var started = DateTimeOffset.UtcNow;
        DateTimeOffset planned;
        var batch = await admin.StartBatchAsync(studyId, request);
        var progress = await admin.WaitForBatchAsync(batch.BatchId, TimeSpan.FromMinutes(30));
        var jobs = await JobsAsync(factory, batch.BatchId);
        var stats = new List<ReferenceRenderServer.Stats>();
        foreach (var render in renders) stats.Add(await render.StatsAsync());
        // To the last job's recorded end (its video registered), not to when this harness's polling noticed it.
        var wall = (jobs.Max(Ended) - started).TotalSeconds;

        Console.WriteLine($"jobs: {progress.Succeeded} succeeded, {progress.Failed} failed; wall {wall:0.00} s (API call to the last job's end)");
        Console.WriteLine($"ideal wall (waves × latency): {waves * latencySeconds:0.00} s");
        var byServer = serverIds.Select(id => jobs.Where(j => j.Spec.ServerId == id).ToList()).ToList();
        for (var i = 0; i < renders.Count; i++)
            Console.WriteLine($"server {i}: busy {stats[i].BusySeconds:0.00} s, utilisation {stats[i].BusySeconds / wall:P1}, max concurrent {stats[i].MaxConcurrentObserved}");
        for (var i = 0; i < renders.Count; i++)
        {
            var span = (byServer[i].Max(SlotFreed) - started).TotalSeconds;
            Console.WriteLine($"server {i}: utilisation from the API call to its last slot freed ({span:0.00} s): {stats[i].BusySeconds / span:P1}");
        }
        for (var i = 0; i < renders.Count; i++)
        {
            // From its first job's submission to its last job freeing its slot (the server reported it done).
            var window = (byServer[i].Max(SlotFreed) - byServer[i].Min(Submitted)).TotalSeconds;
            Console.WriteLine($"server {i}: utilisation over the dispatch window (first submission to last slot freed, {window:0.00} s): {stats[i].BusySeconds / window:P1}");
        }
        var gaps = byServer.SelectMany(DispatchGaps).ToList();
        Console.WriteLine($"dispatch overhead (slot freed → next submission on that server), ms: mean {gaps.DefaultIfEmpty().Average():0.0}, median {Percentile(gaps, 0.5):0.0}, p95 {Percentile(gaps, 0.95):0.0}, max {gaps.DefaultIfEmpty().Max():0.0} over {gaps.Count} hand-overs");
        Console.WriteLine($"hand-overs, ms: {string.Join(" ", gaps.Order().Select(g => g.ToString("0", CultureInfo.InvariantCulture)))}");
        await using (var session = factory.Services.GetRequiredService<IDocumentStore>().QuerySession())
            planned = (await session.LoadAsync<GenerationBatch>(batch.BatchId))!.PlannedAt;
        Console.WriteLine($"edges: API call → batch planned {(planned - started).TotalSeconds:0.00} s → first submission {(jobs.Min(Submitted) - planned).TotalSeconds:0.00} s; last slot freed → last job's end (download, checks, registration) {(jobs.Max(Ended) - jobs.Max(SlotFreed)).TotalSeconds:0.00} s");
        await PrintStartAsync(factory, started, planned);
        foreach (var render in renders) await render.DisposeAsync();
        return progress.Failed == 0 ? 0 : 1;
    }

    private static async Task<List<GenerationJob>> JobsAsync(PlatformFactory factory, Guid batchId)
    {
        await using var session = factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return [.. await session.Query<GenerationJob>().Where(j => j.BatchId == batchId).ToListAsync()];
    }

    private static DateTimeOffset Submitted(GenerationJob job) => job.SubmittedAt!.Value;

    /// <summary>The server reported the job done and its slot was freed: submission + the job's recorded seconds.</summary>
    private static DateTimeOffset SlotFreed(GenerationJob job) => job.SubmittedAt!.Value + TimeSpan.FromSeconds(job.Seconds ?? 0);

    /// <summary>Its video registered.</summary>
    private static DateTimeOffset Ended(GenerationJob job) => job.FinishedAt!.Value;

    /// <summary>
    /// For one server, pairs each freed slot with the first submission after it: the time a freed slot stood empty on
    /// our side.
    /// </summary>
    private static IEnumerable<double> DispatchGaps(List<GenerationJob> jobs)
    {
        var submissions = jobs.Select(Submitted).Order().ToList();
        foreach (var end in jobs.Select(SlotFreed).Order())
        {
            var next = submissions.FirstOrDefault(s => s >= end);
            if (next != default) yield return (next - end).TotalMilliseconds;
        }
    }

    /// <summary>Where the start of the batch goes: Hangfire's own record of when runs were created and began processing.</summary>
    private static async Task PrintStartAsync(PlatformFactory factory, DateTimeOffset started, DateTimeOffset planned)
    {
        var database = factory.Services.GetRequiredService<Platform.Web.Hosting.Database.PlatformDatabase>();
        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("""
            select min(j.createdat), max(j.createdat),
                   (select min(s.createdat) from hangfire.state s where s.jobid = any(array_agg(j.id)) and s.name = 'Processing')
            from hangfire.job j where j.createdat >= $1
            """, connection) { Parameters = { new() { Value = planned.UtcDateTime } } };
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        double At(int i) => (new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(i), DateTimeKind.Utc)) - started).TotalSeconds;
        Console.WriteLine($"start: first run created {At(0):0.000} s, last created {At(1):0.000} s, first processing {At(2):0.000} s after the API call");
    }

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
