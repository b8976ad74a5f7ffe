using System.Net.Http.Json;
using Platform.Studies;
using Platform.Testing;
using Platform.Web.Generation.Demo;
using Platform.Web.Generation.Servers;
using Platform.Web.Studies;

namespace Platform.Tests.Generation;

public sealed class DemoSeederTests
{
    [Fact]
    public async Task A_new_platform_with_a_render_server_gets_it_registered_and_an_open_demo_study_generated_through_it()
    {
        await using var render = await ReferenceRenderServer.StartAsync(latency: TimeSpan.FromMilliseconds(200));
        await using var factory = new PlatformFactory(await TestDatabase.CreateAsync("demo"), new Dictionary<string, string?>
        {
            ["Demo:RenderServerUrl"] = render.BaseUrl,
            // Not the 8 s the generation tests use to see timeouts: a render on a loaded machine must not fail the demo.
            ["Generation:JobTimeout"] = "00:01:00",
        });
        var admin = await factory.AdminAsync();

        var demo = await Eventually.ReturnsAsync(
            async () => (await admin.GetFromJsonAsync<List<StudySummary>>("/api/studies", ApiClient.Json))!.SingleOrDefault(s => s.Title == DemoSeeder.Title),
            study => study is { Status: StudyStatus.Open }, "the demo study is designed, generated and opened", TimeSpan.FromSeconds(90), study => study?.Status.ToString() ?? "no demo study");

        var videos = await admin.GetFromJsonAsync<List<VideoSummary>>($"/api/studies/{demo!.Id}/videos", ApiClient.Json);
        videos.Should().HaveCount(6).And.OnlyContain(v => v.Status == VideoState.Ready);
        var servers = await admin.GetFromJsonAsync<List<ServerView>>("/api/servers", ApiClient.Json);
        servers.Should().ContainSingle(s => s.BaseUrl == render.BaseUrl.TrimEnd('/') && s.Health == HealthState.Up);
        (await render.StatsAsync()).Rendered.Should().Be(6);
    }
}
