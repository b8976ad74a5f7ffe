using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Platform.Web.Hosting;

/// <summary>
/// A request whose body or parameters cannot be read (minimal APIs throw when <c>ThrowOnBadRequest</c> is on): its own
/// status (400, 413, 415…) as problem+json, with the field at fault when the JSON reader names one.
/// </summary>
internal sealed class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad) return false;
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = bad.StatusCode, Detail = Explain(bad) },
        });
    }

    private static string? Explain(BadHttpRequestException bad) => bad.InnerException switch
    {
        JsonException { Path: { Length: > 0 } path } json when json.Message.StartsWith(Common.Limits.Problem, StringComparison.Ordinal) =>
            $"{json.Message.Split(" Path:")[0]} At: {path}.",
        JsonException { Path: { Length: > 0 } path } json when json.Message.StartsWith(Common.SafeText.Problem, StringComparison.Ordinal) =>
            $"{Common.SafeText.Problem} Field: {path}.",
        JsonException { Path: { Length: > 0 } path } json when json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal) =>
            $"The field {path} has no value of its type, or one this endpoint does not take (enumerations by name; see /api/docs).",
        JsonException { Path: { Length: > 0 } path } json when json.Message.Contains("missing required properties including: ", StringComparison.Ordinal) =>
            $"The object at {path} lacks a field it needs: {Missing(json.Message)} (see /api/docs).",
        JsonException { Path: { Length: > 0 } path } => $"The body must be JSON with the fields this endpoint names (see /api/docs); it could not be read at {path}.",
        JsonException => "The body must be JSON with the fields this endpoint names (see /api/docs), each of its type.",
        _ => null,
    };

    /// <summary>The fields System.Text.Json names as missing: "… missing required properties including: 'kind'. Path: …".</summary>
    private static string Missing(string message)
    {
        var names = message[(message.IndexOf("including: ", StringComparison.Ordinal) + "including: ".Length)..];
        var end = names.IndexOf(". Path", StringComparison.Ordinal);
        return (end < 0 ? names : names[..end]).TrimEnd('.');
    }
}
