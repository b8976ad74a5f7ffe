using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;

namespace Platform.Web.Hosting;

/// <summary>
/// Headers on every response (pages, API, media, files, errors): no MIME sniffing, no framing by other sites, a
/// referrer policy, and a Content-Security-Policy — on HTML pages one Blazor Server and MudBlazor work under, on
/// everything else one that lets nothing load. HSTS over HTTPS outside Development.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Pages: scripts only from this origin, plus a page's one inline script (Blazor's import map, the API reference's
    /// start-up) allowed by the response's <see cref="Nonce"/>; no eval (Blazor Server needs none). Styles may be inline: MudBlazor sets style attributes
    /// and writes its theme into a style element. 'self' in connect-src covers the circuit's WebSocket to this host.
    /// </summary>
    public static string PagePolicy(string? nonce) =>
        $"default-src 'self'; script-src 'self'{(nonce is null ? "" : $" 'nonce-{nonce}'")}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "media-src 'self'; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>API, media, static files: nothing in them may run or load anything.</summary>
    public const string ResourcePolicy = "default-src 'none'; frame-ancestors 'none'";

    private const string NonceKey = "Platform.CspNonce";

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services) =>
        // The antiforgery cookie is never Secure by default; like the sign-in cookie, it is when the request is HTTPS
        // (Always would lose both on a plain-http local run).
        services.Configure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

    /// <summary>Early in the pipeline (after the proxy's headers are read): the headers are set as each response starts, whoever wrote it.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                Apply(http);
                return Task.CompletedTask;
            });
            return next(http);
        });
        // Sent over HTTPS only, never for localhost.
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        return app;
    }

    /// <summary>This response's nonce, for a page's inline script; made when first asked, so a policy names it only when a page used it.</summary>
    public static string Nonce(HttpContext http)
    {
        if (http.Items[NonceKey] is not string nonce)
            http.Items[NonceKey] = nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)); // hex: nothing to escape in HTML
        return nonce;
    }

    private static void Apply(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        // Participants' pages carry Prolific's ids in their address: no other site learns even where they came from.
        headers["Referrer-Policy"] = http.Request.Path.StartsWithSegments("/take") ? "same-origin" : "strict-origin-when-cross-origin";
        headers.ContentSecurityPolicy = http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
            ? PagePolicy(http.Items[NonceKey] as string)
            : ResourcePolicy;
    }
}
