using System.Diagnostics;
using System.Net;
using Platform.Studies;
using Platform.Testing;
using Platform.Web.Hosting.Database;
using Xunit.Abstractions;

namespace Platform.Tests.Hosting;

/// <summary>
/// The platform as deployed (its own process, its own embedded PostgreSQL) under a crowd of participants, crashed on
/// purpose. Only the public API is used: an answer the platform acknowledged must be stored once, with its choice.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Seats = 16;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Killed_under_load_and_started_again_it_keeps_every_acknowledged_answer_exactly_once()
    {
        await using var scene = await Scene.UnderLoadAsync("kill");
        var (platform, researcher, studyId, crowd) = scene;

        platform.Kill();
        var atTheKill = crowd.Acknowledged.Count;
        await platform.StartAgainAsync();
        await crowd.WaitForAcknowledgedAsync(atTheKill + 60, Patience);
        await crowd.StopAsync();

        Report(crowd, platform);
        crowd.DroppedConnections.Should().BePositive("the kill cut the participants' connections");
        crowd.Refusals.Should().OnlyContain(r => r.Status == HttpStatusCode.ServiceUnavailable && r.RetryAfter > TimeSpan.Zero);
        await ShouldHoldEachAcknowledgedAnswerOnceAsync(researcher, studyId, crowd);
    }

    [Fact]
    public async Task When_its_postgresql_stops_under_load_it_answers_503_restarts_it_by_itself_and_loses_nothing()
    {
        await using var scene = await Scene.UnderLoadAsync("postgres");
        var (platform, researcher, studyId, crowd) = scene;

        var outage = Stopwatch.StartNew();
        await EmbeddedPostgres.StopAsync(platform.PostgresDirectory, "immediate");
        var unhealthy = await platform.WaitUntilHealthyAsync(Patience);
        var healthyAgainAfter = outage.Elapsed;
        var atRecovery = crowd.Acknowledged.Count;
        await crowd.WaitForAcknowledgedAsync(atRecovery + 60, Patience);
        await crowd.StopAsync();

        Report(crowd, platform);
        output.WriteLine($"/health answered {string.Join(", ", unhealthy)} and 200 after {healthyAgainAfter.TotalSeconds:0.0} s");
        unhealthy.Should().NotBeEmpty().And.OnlyContain(s => s == HttpStatusCode.ServiceUnavailable, "the health check noticed the stop, and the host stayed up");
        healthyAgainAfter.Should().BeLessThan(Patience);
        crowd.Refusals.Should().Contain(r => r.Status == HttpStatusCode.ServiceUnavailable, "the participants met the outage");
        crowd.Refusals.Should().OnlyContain(r => r.Status == HttpStatusCode.ServiceUnavailable && r.RetryAfter > TimeSpan.Zero);
        crowd.DroppedConnections.Should().Be(0, "the platform itself stayed up");
        await ShouldHoldEachAcknowledgedAnswerOnceAsync(researcher, studyId, crowd);
    }

    /// <summary>The platform in its own process, a researcher's open study, and a crowd on it with 60 answers acknowledged.</summary>
    private sealed record Scene(PlatformProcess Platform, HttpClient Researcher, Guid StudyId, ParticipantCrowd Crowd) : IAsyncDisposable
    {
        public static async Task<Scene> UnderLoadAsync(string name)
        {
            var platform = await PlatformProcess.StartAsync($"crash-{name}");
            ParticipantCrowd? crowd = null;
            try
            {
                var researcher = await platform.NewResearcherAsync($"crash.{name}@platform.test");
                var studyId = await researcher.OpenStudyWithVideosAsync(CrowdedStudy(), prompts: 4);
                crowd = ParticipantCrowd.Start(platform.BaseAddress, studyId, Seats, name);
                await crowd.WaitForAcknowledgedAsync(60, Patience);
                return new Scene(platform, researcher, studyId, crowd);
            }
            catch
            {
                if (crowd is not null) await crowd.DisposeAsync();
                await platform.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await Crowd.DisposeAsync();
            Researcher.Dispose();
            await Platform.DisposeAsync();
        }
    }

    /// <summary>4 conditions, all pairs: 6 trials a prompt, each for up to 50 participants; room for the whole load.</summary>
    private static StudySettings CrowdedStudy() => new StudyBuilder
    {
        Conditions =
        [
            new("base-model", "Base model", true, new Dictionary<string, string>()),
            new("ours-a", "Ours A", false, new Dictionary<string, string>()),
            new("ours-b", "Ours B", false, new Dictionary<string, string>()),
            new("ours-c", "Ours C", false, new Dictionary<string, string>()),
        ],
        Pairing = PairingRule.AllPairs,
        JudgmentsPerTrial = 50,
        TrialsPerParticipant = 8,
    }.Build() with
    { CompletionUrl = null };

    /// <summary>Every acknowledged answer is in the export once with its choice; no answer is there twice.</summary>
    private static async Task ShouldHoldEachAcknowledgedAnswerOnceAsync(HttpClient researcher, Guid studyId, ParticipantCrowd crowd)
    {
        var rows = JudgmentCsv.ReadExport(await researcher.GetStringAsync($"/api/studies/{studyId}/judgments.csv"));
        var stored = rows.GroupBy(r => (r.Participant, r.ClientDecisionMs)).ToDictionary(g => g.Key, g => g.Select(r => r.Choice).ToList());

        stored.Values.Should().OnlyContain(choices => choices.Count == 1, "each answer is stored once");
        crowd.Acknowledged.Where(a => !stored.TryGetValue((a.Participant, (int?)a.ClientDecisionMs), out var choices) || choices[0] != a.Choice)
            .Should().BeEmpty("every acknowledged answer is stored with its choice");
    }

    private void Report(ParticipantCrowd crowd, PlatformProcess platform)
    {
        output.WriteLine($"{crowd.Acknowledged.Count} answers acknowledged, {crowd.DroppedConnections} dropped connections, " +
            $"refusals: {string.Join(", ", crowd.Refusals.GroupBy(r => r.Status).Select(g => $"{(int)g.Key} x{g.Count()}"))}");
        output.WriteLine(platform.Tail(20));
    }
}
