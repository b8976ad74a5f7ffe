namespace Platform.Web.Hosting;

/// <summary>
/// API errors that ASP.NET Core writes with a bare title ("Bad Request") get a sentence saying what to change, and an
/// address no endpoint answers gets 404 problem+json (not the sign-in challenge of the fallback policy).
/// </summary>
public static class ApiErrors
{
    public static IServiceCollection AddApiErrors(this IServiceCollection services) =>
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Detail ??= Explain(problem.Status);
        });

    /// <summary>What the client can do about a status the framework answered without a detail; null when there is nothing to add.</summary>
    public static string? Explain(int? status) => status switch
    {
        StatusCodes.Status400BadRequest =>
            "The request could not be read: the body must be JSON with the fields this endpoint names (see /api/docs), each of its type.",
        StatusCodes.Status404NotFound => "Nothing is at this address; see /api/docs for the endpoints.",
        StatusCodes.Status405MethodNotAllowed => "This address does not take that HTTP method; see /api/docs.",
        StatusCodes.Status413PayloadTooLarge => "The request body is larger than this endpoint accepts.",
        StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json (uploads: multipart/form-data).",
        StatusCodes.Status429TooManyRequests => "Too many requests from this address; wait as long as Retry-After says, then try again.",
        StatusCodes.Status503ServiceUnavailable => "The platform is busy or its database is restarting; try again after Retry-After.",
        _ => null,
    };

    /// <summary>
    /// An /api address no endpoint answers: 404 problem+json for everyone, signed in or not; a known address with the
    /// wrong method or body type: routing's own 405 or 415 (an endpoint that is not a route), also before authorization
    /// would ask an anonymous caller to sign in first. Runs after routing.
    /// </summary>
    public static IApplicationBuilder UseApiRouteErrors(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            if (!http.Request.Path.StartsWithSegments("/api")) return next(http);
            return http.GetEndpoint() switch
            {
                null => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound).ExecuteAsync(http),
                { RequestDelegate: { } refuse } and not RouteEndpoint => refuse(http),
                _ => next(http),
            };
        });
}
