namespace Platform.Web.Hosting;

/// <summary>
/// CSRF: a request that changes something and rides on the sign-in cookie must come from this site's own pages —
/// the browser's <c>Sec-Fetch-Site</c> says same-origin, or (browsers without it) its <c>Origin</c> is this site.
/// A request with neither header is refused too: every browser sends one of them on a POST. Bearer-token requests
/// carry no ambient credential and pass; so do requests without the cookie (participants, sign-in).
/// </summary>
public static class CrossSiteRequests
{
    public const string AuthCookie = "platform.auth";
    public const string RefusedMessage = "A change made with your sign-in cookie must come from this site's own pages.";

    public static bool Allows(string method, bool hasCookie, bool hasBearer, string? fetchSite, string? origin, string ownOrigin)
    {
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method))
            return true;
        if (!hasCookie || hasBearer)
            return true;
        if (!string.IsNullOrEmpty(fetchSite))
            return fetchSite == "same-origin";
        return !string.IsNullOrEmpty(origin) && string.Equals(origin, ownOrigin, StringComparison.OrdinalIgnoreCase);
    }

    public static IApplicationBuilder UseCrossSiteRefusal(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var request = http.Request;
        var allowed = Allows(request.Method, request.Cookies.ContainsKey(AuthCookie),
            request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase),
            request.Headers["Sec-Fetch-Site"].ToString(), request.Headers.Origin.ToString(), $"{request.Scheme}://{request.Host}");
        if (allowed)
        {
            await next(http);
            return;
        }
        await Microsoft.AspNetCore.Http.Results.Problem(RefusedMessage, statusCode: StatusCodes.Status403Forbidden, title: "Cross-site request refused").ExecuteAsync(http);
    });
}
