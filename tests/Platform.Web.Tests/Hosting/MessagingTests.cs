using MassTransit;
using Microsoft.Extensions.Configuration;
using Platform.Web.Hosting;

namespace Platform.Tests.Hosting;

public sealed class MessagingTests
{
    [Theory]
    [InlineData(null, "loopback", "localhost")]
    [InlineData("inmemory", "loopback", "localhost")]
    [InlineData(" RabbitMQ ", "rabbitmq", "rabbitmq.invalid")]
    public async Task The_transport_setting_chooses_the_bus_without_connecting_to_it(string? setting, string scheme, string host)
    {
        var services = Messaging(new() { ["Messaging:Transport"] = setting, ["Messaging:RabbitMQ:Host"] = "rabbitmq.invalid" });
        await using var provider = services.BuildServiceProvider();

        // The bus is built, not started: no broker is needed (and none exists at that host) until the host starts.
        var bus = provider.GetRequiredService<IBus>();

        bus.Address.Scheme.Should().Be(scheme);
        bus.Address.Host.Should().Be(host);
    }

    [Fact]
    public void An_unknown_transport_stops_the_start_with_the_allowed_values()
    {
        var register = () => Messaging(new() { ["Messaging:Transport"] = "Kafka" });

        register.Should().Throw<InvalidOperationException>().WithMessage("Messaging:Transport 'Kafka' is not one of InMemory, RabbitMQ.");
    }

    private static ServiceCollection Messaging(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMessaging(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), new PlatformRole(ServesWeb: true, RunsWorkers: true));
        return services;
    }
}
