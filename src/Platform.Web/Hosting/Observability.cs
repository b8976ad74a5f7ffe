using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Platform.Hosting;

public static class Observability
{
    /// <summary>
    /// Console logs (simple or JSON, see Logging:Console:FormatterName) and OpenTelemetry tracing, exported only when
    /// Telemetry:Exporter is <c>console</c> or <c>otlp</c> (endpoint from Telemetry:OtlpEndpoint or OTEL_EXPORTER_OTLP_ENDPOINT).
    /// </summary>
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        var exporter = (builder.Configuration["Telemetry:Exporter"] ?? "none").Trim().ToLowerInvariant();
        if (exporter == "none") return builder;

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("platform"))
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddSource("Npgsql", "Marten", "MassTransit");
                switch (exporter)
                {
                    case "console":
                        tracing.AddConsoleExporter();
                        break;
                    case "otlp":
                        var endpoint = builder.Configuration["Telemetry:OtlpEndpoint"];
                        tracing.AddOtlpExporter(o =>
                        {
                            if (!string.IsNullOrWhiteSpace(endpoint)) o.Endpoint = new Uri(endpoint);
                        });
                        break;
                    default:
                        throw new InvalidOperationException($"Telemetry:Exporter '{exporter}' is not one of none, console, otlp.");
                }
            });
        return builder;
    }
}
