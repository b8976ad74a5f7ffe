using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Platform.Web.Hosting;

public static class Observability
{
    private static readonly string[] Exporters = ["none", "console", "otlp"];

    /// <summary>
    /// Console logs (simple or JSON, see Logging:Console:FormatterName) and OpenTelemetry tracing, exported only when
    /// Telemetry:Exporter is <c>console</c> or <c>otlp</c> (endpoint from Telemetry:OtlpEndpoint or OTEL_EXPORTER_OTLP_ENDPOINT).
    /// </summary>
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        var exporter = (builder.Configuration["Telemetry:Exporter"] ?? "none").Trim().ToLowerInvariant();
        // Refused before anything is registered, so a typo stops the start instead of silently tracing nowhere.
        if (!Exporters.Contains(exporter))
            throw new InvalidOperationException($"Telemetry:Exporter '{exporter}' is not one of {string.Join(", ", Exporters)}.");
        if (exporter == "none") return builder;

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("platform"))
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddSource("Npgsql", "Marten", "MassTransit");
                if (exporter == "console")
                {
                    tracing.AddConsoleExporter();
                    return;
                }
                var endpoint = builder.Configuration["Telemetry:OtlpEndpoint"];
                tracing.AddOtlpExporter(o =>
                {
                    if (!string.IsNullOrWhiteSpace(endpoint)) o.Endpoint = new Uri(endpoint);
                });
            });
        return builder;
    }
}
