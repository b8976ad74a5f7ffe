using MudBlazor.Services;

namespace Platform.Components;

public static class Config
{
    public static IServiceCollection AddUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        return services;
    }

    public static WebApplication MapUi(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode()
            .Add(endpoint =>
            {
                // The circuit's own endpoints (/_blazor/…) are open: anonymous participants need a circuit too, and
                // each page still declares its own policy.
                if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route } && route.StartsWith("/_blazor", StringComparison.Ordinal))
                    endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute());
            });
        return app;
    }
}
