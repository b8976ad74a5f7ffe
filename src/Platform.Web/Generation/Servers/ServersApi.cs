using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Generation;
using Platform.Web.Accounts;

namespace Platform.Web.Generation.Servers;

/// <param name="ApiKey">Write-only: stored protected, never shown again; omit on a change to keep the current one.</param>
public sealed record ServerRequest(string Name, ServerProtocol Protocol, string BaseUrl, string? Model, int MaxConcurrentJobs, GenerationSettings? Defaults, string? WorkflowTemplate, string? ApiKey)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public ServerSettings Settings => new(Name, Protocol, BaseUrl, Model, MaxConcurrentJobs, Defaults, WorkflowTemplate);
}

public static class ServersApi
{
    public static void MapServers(this IEndpointRouteBuilder app)
    {
        var servers = app.MapGroup("/api/servers").WithTags("Inference servers");

        servers.MapGet("/", async (ServerRegistry registry, CancellationToken ct) =>
                TypedResults.Ok((await registry.ListAsync(ct)).Select(x => ServerView.From(x.Server, x.Health)).ToList()))
            .RequireAuthorization(Policies.Researcher)
            .WithSummary("Registered inference servers and their health (API keys are never returned)");

        servers.MapPost("/", async Task<Created<ServerView>> (ServerRequest request, HttpContext http, ServerRegistry registry, ProbeServers probe) =>
            {
                var server = await registry.RegisterAsync(request.Settings, request.ApiKey, http.User.RequiredUserId(), http.RequestAborted);
                var health = await probe.ProbeAsync(server, http.RequestAborted);
                return TypedResults.Created($"/api/servers/{server.Id}", ServerView.From(server, health));
            })
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Register a server (protocol openai-videos or comfyui); it is probed at once");

        servers.MapPut("/{id:guid}", async (Guid id, ServerRequest request, HttpContext http, ServerRegistry registry) =>
            {
                await registry.ChangeAsync(id, request.Settings, request.ApiKey, http.User.RequiredUserId(), http.RequestAborted);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Change a server; an omitted apiKey keeps the current one");

        servers.MapDelete("/{id:guid}", async (Guid id, HttpContext http, ServerRegistry registry) =>
            {
                await registry.RetireAsync(id, http.User.RequiredUserId(), http.RequestAborted);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Retire a server (its history stays)");
    }
}
