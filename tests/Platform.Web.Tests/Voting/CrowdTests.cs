using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Platform.Testing;
using Platform.Web.Voting;

namespace Platform.Tests.Voting;

public sealed class CrowdTests
{
    [Fact]
    public async Task A_crowd_far_larger_than_the_pool_gets_sessions_or_503_and_marten_never_holds_more_connections_than_its_pool()
    {
        const int pool = 4;
        var connectionString = await TestDatabase.CreateAsync("crowd");
        await using var factory = new PlatformFactory(connectionString, new Dictionary<string, string?>
        {
            ["Database:MaxPoolSize"] = pool.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // More in flight than the pool has connections: the pool alone holds the line, requests wait for it.
            ["Voting:MaxConcurrentRequests"] = "100",
            ["Voting:MaxQueuedRequests"] = "40",
        });
        var studyId = await (await factory.NewResearcherAsync("crowd.researcher@platform.test"))
            .OpenStudyWithVideosAsync(new StudyBuilder { TrialsPerParticipant = 1 }.Build(), prompts: 1);
        using var sampling = new CancellationTokenSource();
        var mostConnections = SampleMostMartenConnectionsAsync(connectionString, sampling.Token);

        var client = factory.CreateClient();
        var answers = await Task.WhenAll(Enumerable.Range(0, 300).Select(i =>
            client.PostAsJsonAsync($"/api/studies/{studyId}/sessions", new StartSession($"crowd-{i}", "prolific"), ApiClient.Json)));
        await sampling.CancelAsync();

        answers.Should().OnlyContain(a => a.StatusCode == HttpStatusCode.Created
            || a.StatusCode == HttpStatusCode.ServiceUnavailable && a.Headers.RetryAfter != null);
        answers.Should().Contain(a => a.StatusCode == HttpStatusCode.Created);
        (await mostConnections).Should().BeInRange(1, pool);
    }

    /// <summary>The most connections of Marten's pool seen open at once, sampled every few milliseconds until cancelled.</summary>
    private static async Task<long> SampleMostMartenConnectionsAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(CancellationToken.None);
        await using var count = new NpgsqlCommand(
            "select count(*) from pg_stat_activity where datname = current_database() and application_name = $1", connection)
        {
            Parameters = { new() { Value = Platform.Web.Hosting.Database.Config.MartenApplicationName } },
        };
        long most = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            most = Math.Max(most, (long)(await count.ExecuteScalarAsync(CancellationToken.None))!);
            await Task.Delay(5, CancellationToken.None);
        }
        return most;
    }
}
