using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Platform.Web.Hosting.Database;

namespace Platform.Web.Hosting;

/// <summary>
/// The database is down, restarting or out of connections: 503 problem+json with Retry-After, so clients wait and send
/// the same request again, rather than a 500 that reads as a bug. A warning, not an error: it is the platform's state
/// (an embedded cluster is restarted by <see cref="EmbeddedPostgresWatchdog"/>), and it ends by itself.
/// </summary>
internal sealed class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    /// <summary>Long enough for the watchdog to notice (2 s) and for the cluster's recovery to begin.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseUnavailable.Is(exception)) return false;
        logger.LogWarning("{Method} {Path} answered 503: the database is unavailable ({Reason})",
            httpContext.Request.Method, httpContext.Request.Path, exception.GetBaseException().Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfter.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service is briefly unavailable.",
                Detail = "The database is unavailable or restarting; send the same request again after Retry-After.",
            },
        });
        // Handled even when no writer took the body (a page's request): the status and Retry-After stand.
        return true;
    }
}
