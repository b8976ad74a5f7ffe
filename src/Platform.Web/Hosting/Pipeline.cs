using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Hosting;

public static class Pipeline
{
    public static IServiceCollection AddApi(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower)));

    /// <summary>Middleware in the order it must run; API errors become problem+json, pages get HTML.</summary>
    public static WebApplication UsePlatformPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseWhen(http => !IsApi(http), pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        return app;
    }

    private static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api");
}
