using Microsoft.AspNetCore.Diagnostics;
using Platform.Common;

namespace Platform.Web.Hosting;

/// <summary>Turns a refused command into problem+json with the refusal's own message.</summary>
internal sealed class DomainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DomainException refused) return false;
        httpContext.Response.StatusCode = refused.Kind switch
        {
            DomainError.Conflict => StatusCodes.Status409Conflict,
            DomainError.NotFound => StatusCodes.Status404NotFound,
            DomainError.Unprocessable => StatusCodes.Status422UnprocessableEntity,
            DomainError.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        };
        if (refused.RetryAfter is { } retry)
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var context = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = httpContext.Response.StatusCode, Title = "The request was refused.", Detail = refused.Message },
        };
        if (refused.Fields.Count > 0) context.ProblemDetails.Extensions["errors"] = refused.Fields;
        else if (refused.Details.Count > 0) context.ProblemDetails.Extensions["errors"] = refused.Details;
        foreach (var (name, value) in refused.Extensions) context.ProblemDetails.Extensions[name] = value;
        return await problems.TryWriteAsync(context);
    }
}
