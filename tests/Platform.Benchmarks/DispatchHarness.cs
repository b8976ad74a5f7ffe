using System.Globalization;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Platform.Generation;
using Platform.Generation.Batches;
using Platform.Studies;
using Platform.Testing;

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
        // dispatch [servers limit waves latencySeconds] [--workers N] [--cold]
        var numbers = args.Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        int Arg(int index, int fallback) => numbers.Count > index ? int.Parse(numbers[index], CultureInfo.InvariantCulture) : fallback;
        var (servers, limit, waves, latencySeconds) = (Arg(0, 4), Arg(1, 2), Arg(2, 5), Arg(3, 5));
        var workersAt = Array.IndexOf(args, "--workers");
        var workers = workersAt > 0 && workersAt + 1 < args.Length ? int.Parse(args[workersAt + 1], CultureInfo.InvariantCulture) : servers * limit * 2;
        Console.WriteLine($"{servers} servers × limit {limit} × {waves} waves, latency {latencySeconds} s: {servers * limit * waves} jobs");

        // Outside a test run the host's content root is not found by itself: point at src/Platform.Web.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Platform.sln"))) root = root.Parent;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PLATFORM_WEB", Path.Combine(root!.FullName, "src", "Platform.Web"));

        var renders = new List<ReferenceRenderServer>();
        for (var i = 0; i < servers; i++)
            renders.Add(await ReferenceRenderServer.StartAsync(TimeSpan.FromSeconds(latencySeconds), maxConcurrentJobs: limit));
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
        BatchRequest Batch(int prompts) => new(
            [.. Enumerable.Range(0, prompts).Select(p => new PromptToGenerate($"prompt {p}", ""))],
            [.. serverIds.Select((id, i) => new ConditionPlan($"c{i}", id, null))], [1]);

        // A warm-up batch first (one wave, on a study of its own), as a benchmark warms up before it measures: the
        // process's first runs pay for JIT compilation, connection pools and HTTP handlers once in its life. Its
        // figures are printed, then the servers' counters start again for the measured batch.
        if (!args.Contains("--cold"))
        {
            var warmStudy = await admin.CreateStudyAsync(new StudyBuilder { Conditions = conditions, Tasks = [], Pairing = PairingRule.AllPairs }.Build());
            var warmStarted = DateTimeOffset.UtcNow;
            var warm = await admin.StartBatchAsync(warmStudy, Batch(limit));
            await admin.WaitForBatchAsync(warm.BatchId, TimeSpan.FromMinutes(10));
            var (warmFirst, _, _) = await EdgesAsync(factory, warm.BatchId);
            Console.WriteLine($"warm-up batch: {servers * limit} jobs, API call → first submission {(warmFirst - warmStarted).TotalSeconds:0.00} s, wall {(await LastEndAsync(factory, warm.BatchId) - warmStarted).TotalSeconds:0.00} s");
            foreach (var render in renders) await render.ResetStatsAsync();
        }

        var studyId = await admin.CreateStudyAsync(new StudyBuilder { Conditions = conditions, Tasks = [], Pairing = PairingRule.AllPairs }.Build());
        var request = Batch(limit * waves);

        var started = DateTimeOffset.UtcNow;
        DateTimeOffset planned;
        var batch = await admin.StartBatchAsync(studyId, request);
        var progress = await admin.WaitForBatchAsync(batch.BatchId, TimeSpan.FromMinutes(30));
        // To the last job's recorded end (its video registered), not to when this harness's polling noticed it.
        var wall = (await LastEndAsync(factory, batch.BatchId) - started).TotalSeconds;

        Console.WriteLine($"jobs: {progress.Succeeded} succeeded, {progress.Failed} failed; wall {wall:0.00} s (API call to the last job's end)");
        var ideal = waves * latencySeconds;
        Console.WriteLine($"ideal wall (waves × latency): {ideal:0.00} s");
        for (var i = 0; i < renders.Count; i++)
        {
            var stats = await renders[i].StatsAsync();
            Console.WriteLine($"server {i}: busy {stats.BusySeconds:0.00} s, utilisation {stats.BusySeconds / wall:P1}, max concurrent {stats.MaxConcurrentObserved}");
        }
        var lastFreed = await LastSlotsFreedAsync(factory, batch.BatchId);
        for (var i = 0; i < renders.Count; i++)
        {
            var stats = await renders[i].StatsAsync();
            var span = (lastFreed[serverIds[i]] - started).TotalSeconds;
            Console.WriteLine($"server {i}: utilisation from the API call to its last slot freed ({span:0.00} s): {stats.BusySeconds / span:P1}");
        }
        var window = await DispatchWindowAsync(factory, batch.BatchId);
        for (var i = 0; i < renders.Count; i++)
        {
            var stats = await renders[i].StatsAsync();
            Console.WriteLine($"server {i}: utilisation over the dispatch window (first submission to last slot freed, {window[serverIds[i]]:0.00} s): {stats.BusySeconds / window[serverIds[i]]:P1}");
        }
        var gaps = await DispatchGapsAsync(factory, batch.BatchId);
        Console.WriteLine($"dispatch overhead (slot freed → next submission on that server), ms: median {Percentile(gaps, 0.5):0.0}, p95 {Percentile(gaps, 0.95):0.0}, max {gaps.DefaultIfEmpty().Max():0.0} over {gaps.Count} hand-overs");
        Console.WriteLine($"hand-overs, ms: {string.Join(" ", gaps.Order().Select(g => g.ToString("0", CultureInfo.InvariantCulture)))}");
        var (first, lastSlotFreed, lastEnd) = await EdgesAsync(factory, batch.BatchId);
        await using (var session = factory.Services.GetRequiredService<IDocumentStore>().QuerySession())
            planned = (await session.LoadAsync<GenerationBatch>(batch.BatchId))!.PlannedAt;
        Console.WriteLine($"edges: API call → batch planned {(planned - started).TotalSeconds:0.00} s → first submission {(first - planned).TotalSeconds:0.00} s; last slot freed → last job's end (download, checks, registration) {(lastEnd - lastSlotFreed).TotalSeconds:0.00} s");
        await PrintStartAsync(factory, started, planned);
        foreach (var render in renders) await render.DisposeAsync();
        return progress.Failed == 0 ? 0 : 1;
    }

    /// <summary>
    /// For each server, sorts its jobs' submissions and its jobs' ends (the server reported the job done and the slot
    /// was freed: submission + the job's recorded seconds) and pairs each end with the first submission after it: the time a freed slot stood empty on our side.
    /// </summary>
    private static async Task<List<double>> DispatchGapsAsync(PlatformFactory factory, Guid batchId)
    {
        await using var session = factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var jobs = await session.Query<GenerationJob>().Where(j => j.BatchId == batchId).ToListAsync();
        var gaps = new List<double>();
        foreach (var server in jobs.GroupBy(j => j.Spec.ServerId))
        {
            var submissions = server.Select(j => j.SubmittedAt!.Value).Order().ToList();
            var ends = server.Select(j => j.SubmittedAt!.Value + TimeSpan.FromSeconds(j.Seconds ?? 0)).Order().ToList();
            foreach (var end in ends)
            {
                var next = submissions.FirstOrDefault(s => s >= end);
                if (next != default) gaps.Add((next - end).TotalMilliseconds);
            }
        }
        return gaps;
    }

    private static async Task<(DateTimeOffset FirstSubmission, DateTimeOffset LastFreed, DateTimeOffset LastEnd)> EdgesAsync(PlatformFactory factory, Guid batchId)
    {
        await using var session = factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var jobs = await session.Query<GenerationJob>().Where(j => j.BatchId == batchId).ToListAsync();
        return (jobs.Min(j => j.SubmittedAt!.Value), jobs.Max(j => j.SubmittedAt!.Value + TimeSpan.FromSeconds(j.Seconds ?? 0)), jobs.Max(j => j.FinishedAt!.Value));
    }

    private static async Task<DateTimeOffset> LastEndAsync(PlatformFactory factory, Guid batchId)
    {
        await using var session = factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var jobs = await session.Query<GenerationJob>().Where(j => j.BatchId == batchId).ToListAsync();
        return jobs.Max(j => j.FinishedAt!.Value);
    }

    private static async Task<Dictionary<Guid, DateTimeOffset>> LastSlotsFreedAsync(PlatformFactory factory, Guid batchId)
    {
        await using var session = factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var jobs = await session.Query<GenerationJob>().Where(j => j.BatchId == batchId).ToListAsync();
        return jobs.GroupBy(j => j.Spec.ServerId).ToDictionary(g => g.Key, g => g.Max(j => j.SubmittedAt!.Value + TimeSpan.FromSeconds(j.Seconds ?? 0)));
    }

    /// <summary>Per server: from its first job's submission to its last job freeing its slot (the server reported it done).</summary>
    private static async Task<Dictionary<Guid, double>> DispatchWindowAsync(PlatformFactory factory, Guid batchId)
    {
        await using var session = factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var jobs = await session.Query<GenerationJob>().Where(j => j.BatchId == batchId).ToListAsync();
        return jobs.GroupBy(j => j.Spec.ServerId).ToDictionary(g => g.Key,
            g => (g.Max(j => j.SubmittedAt!.Value + TimeSpan.FromSeconds(j.Seconds ?? 0)) - g.Min(j => j.SubmittedAt!.Value)).TotalSeconds);
    }

    /// <summary>Where the start of the batch goes: Hangfire's own record of when runs were created and began processing.</summary>
    private static async Task PrintStartAsync(PlatformFactory factory, DateTimeOffset started, DateTimeOffset planned)
    {
        var database = factory.Services.GetRequiredService<Platform.Hosting.Database.PlatformDatabase>();
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
