using Bunit;
using Microsoft.AspNetCore.Components;
using Platform.Testing;
using Platform.Tests.Components;
using Platform.Web.Generation.Servers;

namespace Platform.Tests.Generation;

/// <summary>The servers page says when the running generation workers cannot keep the registered servers busy.</summary>
public sealed class ServersPageTests : BunitTest, IClassFixture<PlatformFixture>
{
    private readonly PlatformFixture _fixture;

    public ServersPageTests(PlatformFixture fixture)
    {
        _fixture = fixture;
        foreach (var service in new[] { typeof(ServerRegistry), typeof(ProbeServers), typeof(GenerationWorkers) })
            Context.Services.AddSingleton(service, fixture.Factory.Services.GetRequiredService(service));
        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public async Task More_server_slots_than_generation_workers_are_flagged_with_the_setting_to_raise()
    {
        // The test host runs one worker process with 4 generation workers.
        var admin = await _fixture.Factory.AdminAsync();
        await admin.RegisterServerAsync("http://127.0.0.1:9/", maxConcurrentJobs: 3, name: "gpu-a");
        var page = Context.Render<ServersPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=worker-capacity]").TextContent.Should().Contain(
            "4 generation workers in 1 worker process for 3 server slots"), TimeSpan.FromSeconds(10));

        await admin.RegisterServerAsync("http://127.0.0.1:9/", maxConcurrentJobs: 2, name: "gpu-b");
        page = Context.Render<ServersPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=worker-capacity]").TextContent.Should().Be(
            "The servers take 5 jobs at once, but 4 generation workers in 1 worker process run at most 4 together: raise Generation:Workers or start another worker process."),
            TimeSpan.FromSeconds(10));
    }
}
