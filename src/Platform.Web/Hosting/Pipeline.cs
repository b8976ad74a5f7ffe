using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Platform.Web.Hosting;

public static class Pipeline
{
    /// <summary>When a request refused because the server is full may come again: requests in flight take milliseconds.</summary>
    public static readonly TimeSpan FullRetryAfter = TimeSpan.FromSeconds(2);

    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        // Enumerations only by their documented names (a number would store a value no name stands for); no string
        // with control characters; and a body that cannot be read throws, so its problem names the field at fault.
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
            o.SerializerOptions.Converters.Add(new SafeStringConverter());
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict; // a number is a number, not text that looks like one
            o.SerializerOptions.AllowDuplicateProperties = false; // one value per field: no second one that quietly wins
            o.SerializerOptions.TypeInfoResolver = (o.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(RequestLimits.Bound);
        });
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // A request refused by a rate limit (written as problem+json by the status-code pages) says when to retry. A
        // limit that cannot say (a concurrency limit: the server is full, not this client too fast) answers 503.
        services.Configure<RateLimiterOptions>(o => o.OnRejected = (context, _) =>
        {
            var response = context.HttpContext.Response;
            if (!context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            {
                response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                retryAfter = FullRetryAfter;
            }
            response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return ValueTask.CompletedTask;
        });
        return services;
    }

    /// <summary>Middleware in the order it must run; API errors become problem+json, pages get HTML.</summary>
    public static WebApplication UsePlatformPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseWhen(http => !IsApi(http), pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        // Pages answer HEAD as they answer GET (Kestrel sends no body for HEAD): link checkers and Prolific's
        // preview probe a study link that way, and would otherwise get the staff sign-in. Before routing, which picks by method.
        app.Use((http, next) =>
        {
            if (HttpMethods.IsHead(http.Request.Method) && !IsApi(http)) http.Request.Method = HttpMethods.Get;
            return next(http);
        });
        app.UseCrossSiteRefusal();
        app.UseRouting();
        app.UseRequestLimits();
        app.UseApiRouteErrors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>The API, and media (a missing video is a 404 for its player, not a page).</summary>
    private static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/media");
}
