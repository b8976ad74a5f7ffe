using Microsoft.AspNetCore.Builder;
using OpenTelemetry.Trace;
using Platform.Web.Hosting;

namespace Platform.Tests.Hosting;

public sealed class ObservabilityTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("none", false)]
    [InlineData("Console", true)]
    [InlineData(" otlp ", true)]
    public void Tracing_is_registered_only_when_an_exporter_is_chosen(string? setting, bool traced)
    {
        var builder = Builder(setting);

        builder.AddObservability();

        builder.Services.Any(s => s.ServiceType == typeof(TracerProvider)).Should().Be(traced);
    }

    [Fact]
    public void An_unknown_exporter_stops_the_start_with_the_allowed_values()
    {
        var builder = Builder("jaeger");

        var register = () => builder.AddObservability();

        register.Should().Throw<InvalidOperationException>().WithMessage("Telemetry:Exporter 'jaeger' is not one of none, console, otlp.");
    }

    private static WebApplicationBuilder Builder(string? exporter)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Configuration["Telemetry:Exporter"] = exporter;
        return builder;
    }
}
