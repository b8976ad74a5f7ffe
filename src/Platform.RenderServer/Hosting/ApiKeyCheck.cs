using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Platform.RenderServer.Hosting;

/// <summary>
/// When an API key is configured, every request except /health and /admin needs "Authorization: Bearer &lt;key&gt;",
/// as a hosted inference endpoint behind a gateway would.
/// </summary>
public static class ApiKeyCheck
{
    public static IApplicationBuilder UseApiKeyCheck(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var key = http.RequestServices.GetRequiredService<IOptions<RenderOptions>>().Value.ApiKey;
        if (string.IsNullOrEmpty(key) || IsOpen(http.Request.Path) || Presents(http.Request, key))
        {
            await next(http);
            return;
        }
        http.Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Json(
            new { error = new { message = "Missing or invalid API key; send \"Authorization: Bearer <key>\".", type = "invalid_request_error", code = "invalid_api_key" } },
            statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(http);
    });

    private static bool IsOpen(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase);

    private static bool Presents(HttpRequest request, string key)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()), Encoding.UTF8.GetBytes(key));
    }
}
