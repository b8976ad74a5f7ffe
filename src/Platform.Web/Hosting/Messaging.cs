using MassTransit;

namespace Platform.Web.Hosting;

public static class Messaging
{
    /// <summary>
    /// MassTransit with the in-memory transport (one process) or RabbitMQ (web and workers on several machines),
    /// chosen by <c>Messaging:Transport</c>. Workers publish integration events; web processes consume them.
    /// </summary>
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration, PlatformRole role)
    {
        var transport = (configuration["Messaging:Transport"] ?? "InMemory").Trim();
        services.AddMassTransit(bus =>
        {
            // MassTransit would report usage to its vendor over the internet; the platform talks to nobody unasked.
            bus.DisableUsageTelemetry();
            bus.SetKebabCaseEndpointNameFormatter();
            // Page refreshes happen in every web process: each gets a temporary queue of its own (not competing).
            if (role.ServesWeb)
            {
                bus.AddConsumer<Generation.Following.StudyActivityConsumer>()
                    .Endpoint(e =>
                    {
                        e.InstanceId = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
                        e.Temporary = true;
                    });
            }

            // One process of all takes each new video (competing consumers) and enqueues its measurement.
            bus.AddConsumer<Results.MeasureNewVideos>();
            UseTransport(bus, transport, configuration);
        });
        return services;
    }

    private static void UseTransport(IBusRegistrationConfigurator bus, string transport, IConfiguration configuration)
    {
        if (transport.Equals("InMemory", StringComparison.OrdinalIgnoreCase))
        {
            bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
        }
        else if (transport.Equals("RabbitMQ", StringComparison.OrdinalIgnoreCase))
        {
            var rabbit = configuration.GetSection("Messaging:RabbitMQ");
            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(rabbit["Host"] ?? "127.0.0.1", rabbit["VirtualHost"] ?? "/", h =>
                {
                    h.Username(rabbit["Username"] ?? "guest");
                    h.Password(rabbit["Password"] ?? "guest");
                });
                cfg.ConfigureEndpoints(context);
            });
        }
        else
        {
            throw new InvalidOperationException($"Messaging:Transport '{transport}' is not one of InMemory, RabbitMQ.");
        }
    }
}
