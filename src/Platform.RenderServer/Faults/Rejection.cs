using System.Globalization;

namespace Platform.RenderServer.Faults;

/// <summary>The refusals overloaded inference servers send: 503 "queue full", 409 "busy", 429 with or without Retry-After.</summary>
public static class Rejection
{
    public static IResult For(FaultSettings faults) => new RejectionResult(faults.RejectStatus, faults.RetryAfterSeconds);

    private sealed class RejectionResult(int status, int? retryAfterSeconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            if (retryAfterSeconds is { } seconds)
            {
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }
            response.ContentType = "text/plain; charset=utf-8";
            return response.WriteAsync(status switch
            {
                StatusCodes.Status503ServiceUnavailable => "queue full",
                StatusCodes.Status409Conflict => "busy",
                StatusCodes.Status429TooManyRequests => "too many requests",
                _ => "rejected",
            });
        }
    }
}
