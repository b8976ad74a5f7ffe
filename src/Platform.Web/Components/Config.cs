using MudBlazor.Services;

namespace Platform.Web.Components;

public static class Config
{
    public static IServiceCollection AddUi(this IServiceCollection services)
    {
        // A researcher choosing a folder of hundreds of videos sends the list of files in one message; the default 32 KB
        // holds about 200. 512 KB holds a few thousand, and a study of more goes through the server-folder import.
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(o => o.MaximumReceiveMessageSize = 512 * 1024);
        // Toasts at the bottom right, small and dismissable: at the top right they covered the page actions they report on.
        services.AddMudServices(config =>
        {
            config.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight;
            config.SnackbarConfiguration.PreventDuplicates = true;
            config.SnackbarConfiguration.ShowCloseIcon = true;
            config.SnackbarConfiguration.VisibleStateDuration = 4000;
        });
        return services;
    }

    public static WebApplication MapUi(this WebApplication app)
    {
        // From build output (tests, dotnet run) MapStaticAssets would also map a development fallback, {**path:file},
        // for wwwroot files added after the build, with no policy of its own. A publish has no such endpoint: keep
        // the two alike, every endpoint under a declared policy (a file added later is served after a rebuild).
        app.Configuration["DisableStaticAssetNotFoundRuntimeFallback"] ??= "true";
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode()
            .Add(endpoint =>
            {
                // The circuit's own endpoints (/_blazor/…) are open: anonymous participants need a circuit too, and
                // each page still declares its own policy. So is the redirect that finishes an enhanced form post: it
                // only follows a URL the server itself encrypted, and the visitor may not be signed in (yet).
                if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route }
                    && (route.StartsWith("/_blazor", StringComparison.Ordinal) || route == "/_framework/opaque-redirect"))
                    endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute());
            });
        return app;
    }
}
