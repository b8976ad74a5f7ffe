using Microsoft.AspNetCore.Authorization;
using Platform.Common;

namespace Platform.Web.Studies;

/// <summary>
/// Endpoint metadata: the request acts on one study, found by <see cref="StudyOf"/> (null: no such target, the
/// endpoint says so itself). Every staff endpoint under <c>/api/studies/{id}</c> has this scope without declaring
/// it; an endpoint elsewhere that acts on a study's data declares it (a generation batch, say).
/// </summary>
public sealed class StudyScope(Func<HttpContext, CancellationToken, Task<Guid?>> studyOf, Func<DomainException> notFound)
{
    private static readonly StudyScope ByRouteId = new(
        (http, _) => Task.FromResult(Guid.TryParse(http.GetRouteValue("id") as string, out var id) ? id : (Guid?)null),
        StudyCatalog.NotFound);

    public Func<HttpContext, CancellationToken, Task<Guid?>> StudyOf { get; } = studyOf;

    /// <summary>What someone the study does not belong to is told: the same as when there is no such target.</summary>
    public Func<DomainException> NotFound { get; } = notFound;

    /// <summary>The scope of an endpoint; null for endpoints that act on no one study, and for the participants' open ones.</summary>
    public static StudyScope? Of(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null) return null;
        if (endpoint.Metadata.GetMetadata<StudyScope>() is { } declared) return declared;
        return endpoint is RouteEndpoint { RoutePattern.RawText: { } route } && route.StartsWith("/api/studies/{id", StringComparison.OrdinalIgnoreCase)
            ? ByRouteId
            : null;
    }
}

public static class StudyScopes
{
    /// <summary>
    /// Answers 404 (as for a study that does not exist) to a signed-in caller a study-scoped endpoint's study does not
    /// belong to. After authorization, before the endpoint binds anything: a refused upload is not read first.
    /// </summary>
    public static IApplicationBuilder UseStudyAccess(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.GetEndpoint() is { } endpoint && StudyScope.Of(endpoint) is { } scope && http.User.Identity?.IsAuthenticated == true)
        {
            var actor = http.User.Actor();
            if (!actor.IsAdmin && await scope.StudyOf(http, http.RequestAborted) is { } studyId
                && !await http.RequestServices.GetRequiredService<StudyGuard>().AllowsAsync(actor, studyId, http.RequestAborted))
                throw scope.NotFound();
        }
        await next(http);
    });
}
