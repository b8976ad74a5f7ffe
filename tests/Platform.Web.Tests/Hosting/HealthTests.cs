using System.Net;
using Platform.Testing;
using Platform.Web.Hosting.Database;

namespace Platform.Tests.Hosting;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_is_200_while_postgresql_is_up_and_503_once_it_is_down()
    {
        var directory = TestDatabase.NewDirectory("health");
        HttpResponseMessage up, down;
        await using (var cluster = await EmbeddedPostgres.StartAsync(Path.Combine(directory, "postgres")))
        await using (var factory = new PlatformFactory(await cluster.EnsureDatabaseAsync("platform")))
        {
            var client = factory.CreateClient();

            up = await client.GetAsync("/health");
            await cluster.StopAsync();
            down = await client.GetAsync("/health");
        }
        TestDatabase.Remove(directory);

        up.StatusCode.Should().Be(HttpStatusCode.OK);
        down.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await down.Content.ReadAsStringAsync()).Should().Be("Unhealthy");
    }
}
