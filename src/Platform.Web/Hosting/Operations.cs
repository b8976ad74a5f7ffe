using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Platform.Web.Hosting.Database;
using Scalar.AspNetCore;

namespace Platform.Web.Hosting;

public static class Operations
{
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.AddApiErrors();
        services.AddExceptionHandler<DomainExceptionHandler>();
        services.AddExceptionHandler<BadRequestHandler>();
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        services.AddOpenApi();
        services.AddHealthChecks()
            .AddNpgSql(sp => sp.GetRequiredService<PlatformDatabase>().ConnectionString, name: "postgresql", timeout: TimeSpan.FromSeconds(3));
        return services;
    }

    /// <summary>/health (200 or 503), the OpenAPI document and the Scalar API reference at /api/docs.</summary>
    public static WebApplication MapOperations(this WebApplication app, PlatformRole role)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions()).AllowAnonymous();
        if (role.ServesWeb)
        {
            app.MapOpenApi().AllowAnonymous();
            // Its inline script runs under the pages' policy by this response's nonce; no fonts from Scalar's CDN.
            app.MapScalarApiReference("/api/docs", (o, http) => o.WithTitle("Platform API").WithOpenApiRoutePattern("/openapi/{documentName}.json")
                    .WithNonce(SecurityHeaders.Nonce(http)).DisableDefaultFonts())
                .AllowAnonymous();
        }
        return app;
    }
}
