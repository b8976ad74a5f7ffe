using Microsoft.Extensions.Configuration;
using Platform.Web.Hosting;

namespace Platform.Tests.Hosting;

public sealed class PlatformRoleTests
{
    [Theory]
    [InlineData(null, true, true)]
    [InlineData("both", true, true)]
    [InlineData("Web", true, false)]
    [InlineData(" worker ", false, true)]
    public void The_role_setting_says_what_the_process_runs(string? setting, bool web, bool workers)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Platform:Role"] = setting }).Build();

        PlatformRole.From(configuration).Should().Be(new PlatformRole(web, workers));
    }

    [Fact]
    public void An_unknown_role_stops_the_start_with_the_allowed_values()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Platform:Role"] = "scheduler" }).Build();

        FluentActions.Invoking(() => PlatformRole.From(configuration)).Should().Throw<InvalidOperationException>().WithMessage("*web, worker, both*");
    }
}
