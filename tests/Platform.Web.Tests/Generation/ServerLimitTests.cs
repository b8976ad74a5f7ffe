using Hangfire;
using Platform.Generation;
using Platform.Testing;
using Platform.Web.Generation.Batches;

namespace Platform.Tests.Generation;

/// <summary>A server's concurrency limit holds across worker processes (two hosts on one database here).</summary>
public sealed class ServerLimitTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task Two_worker_hosts_never_run_more_than_the_servers_limit_at_once()
    {
        await using var render = await ReferenceRenderServer.StartAsync(latency: TimeSpan.FromMilliseconds(600), maxConcurrentJobs: 10);
        await using var secondWorker = new PlatformFactory(fixture.Factory.ConnectionString, new Dictionary<string, string?> { ["Platform:Role"] = "worker" });
        _ = secondWorker.Server;
        var admin = await fixture.Factory.AdminAsync();
        var server = await admin.RegisterServerAsync(render.BaseUrl, maxConcurrentJobs: 2);
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.CreateStudyAsync(new StudyBuilder { Tasks = ["dance"] }.Build());

        var batch = await researcher.StartBatchAsync(studyId, new BatchRequest(
            [new PromptToGenerate("a dancer spins", "dance")],
            [new ConditionPlan("base-model", server.Id, null), new ConditionPlan("ours-simdrop", server.Id, null)], [1, 2, 3, 4]));
        var progress = await researcher.WaitForBatchAsync(batch.BatchId, TimeSpan.FromSeconds(90));

        progress.Succeeded.Should().Be(8, string.Join("; ", progress.JobList.Where(j => j.State != JobState.Succeeded).Select(j => $"{j.State}: {j.Reason}")));
        var stats = await render.StatsAsync();
        stats.MaxConcurrentObserved.Should().Be(2, "the limit is 2 and eight jobs were waiting");
        stats.Submitted.Should().Be(8, "no job was submitted twice");
        ProcessingServers(fixture.Factory).Should().HaveCountGreaterThan(1, "both hosts' generation workers took jobs");
    }

    /// <summary>The Hangfire servers that processed the succeeded generation jobs.</summary>
    private static HashSet<string> ProcessingServers(PlatformFactory factory)
    {
        var monitoring = factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        return [.. monitoring.SucceededJobs(0, 100)
            .SelectMany(job => monitoring.JobDetails(job.Key).History)
            .Where(state => state.StateName == "Processing" && state.Data.ContainsKey("ServerId"))
            .Select(state => state.Data["ServerId"])
            .Where(server => server.Contains(":generation", StringComparison.Ordinal))];
    }
}
