namespace Platform.Web.Hosting;

/// <summary>
/// What this process does: serve the UI and API (web), run background jobs and message consumers (worker), or both.
/// Several workers can run beside one web process against the same database.
/// </summary>
public sealed record PlatformRole(bool ServesWeb, bool RunsWorkers)
{
    public static PlatformRole From(IConfiguration configuration) =>
        (configuration["Platform:Role"] ?? "both").Trim().ToLowerInvariant() switch
        {
            "web" => new(true, false),
            "worker" => new(false, true),
            "both" or "" => new(true, true),
            var other => throw new InvalidOperationException($"Platform:Role '{other}' is not one of web, worker, both."),
        };
}
