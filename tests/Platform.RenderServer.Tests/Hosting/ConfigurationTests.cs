using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Platform.RenderServer.Tests.Hosting;

public sealed class ConfigurationTests
{
    [Fact]
    public async Task The_render_section_of_configuration_sets_the_options_and_configure_runs_after_it()
    {
        await using var app = RenderServerApp.Build(
            ["--Render:Latency=00:00:02", "--Render:MaxConcurrentJobs=3", "--Render:ApiKey=from-config", "--Render:DataDirectory=/tmp/render-config-test", "--Render:Models:0=wan-2.1"],
            options => options.ApiKey = "from-code");

        var options = app.Services.GetRequiredService<IOptions<RenderOptions>>().Value;

        options.Latency.Should().Be(TimeSpan.FromSeconds(2));
        options.MaxConcurrentJobs.Should().Be(3);
        options.ApiKey.Should().Be("from-code");
        options.DataDirectory.Should().Be("/tmp/render-config-test");
        options.Models.Should().Equal("wan-2.1");
    }

    [Fact]
    public void The_defaults_are_a_one_second_latency_and_two_slots()
    {
        var options = new RenderOptions();

        options.Latency.Should().Be(TimeSpan.FromSeconds(1));
        options.MaxConcurrentJobs.Should().Be(2);
        options.ApiKey.Should().BeNull();
        options.DataDirectory.Should().StartWith(Path.GetTempPath());
    }

    [Fact]
    public void The_entry_point_is_not_a_public_Program_that_would_clash_with_the_platform_host()
    {
        var program = typeof(RenderServerApp).Assembly.GetType("Program");

        (program?.IsPublic).Should().Be(false, "the render server declares its Program, and not as public");
    }
}
