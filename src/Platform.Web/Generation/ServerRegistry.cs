using Marten;
using Microsoft.AspNetCore.DataProtection;
using Platform.Common;
using Platform.Generation;
using Platform.Web.Generation.Protocols;
using Platform.Web.Hosting.Database;

namespace Platform.Web.Generation.Servers;

/// <summary>Registers, changes and retires inference servers; API keys are protected before they are stored.</summary>
public sealed class ServerRegistry(IDocumentStore store, IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly IDataProtector _keys = protection.CreateProtector("Platform.Generation.ApiKeys");

    public async Task<InferenceServer> RegisterAsync(ServerSettings settings, string? apiKey, Guid by, CancellationToken cancellationToken)
    {
        var registered = RegisteringServer.Handle(new RegisterServer(Guid.NewGuid(), settings, Protect(apiKey), by), clock.GetUtcNow());
        await using var session = store.LightweightSession();
        session.Events.StartStream<InferenceServer>(registered.ServerId, registered);
        await session.SaveChangesAsync(cancellationToken);
        return InferenceServer.Create(registered);
    }

    public Task ChangeAsync(Guid serverId, ServerSettings settings, string? apiKey, Guid by, CancellationToken cancellationToken) =>
        store.DecideAsync<InferenceServer>(serverId, (_, server) => Task.FromResult<object?>(
            RegisteringServer.Handle(server, new ChangeServer(serverId, settings, Protect(apiKey), by), clock.GetUtcNow())), NotFound, cancellationToken);

    public Task RetireAsync(Guid serverId, Guid by, CancellationToken cancellationToken) =>
        store.DecideAsync<InferenceServer>(serverId, (_, server) => Task.FromResult<object?>(
            RegisteringServer.Retire(server, by, clock.GetUtcNow())), NotFound, cancellationToken);

    public async Task<IReadOnlyList<(InferenceServer Server, ServerHealth? Health)>> ListAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var servers = await session.Query<InferenceServer>().Where(s => !s.Retired).OrderBy(s => s.RegisteredAt).ToListAsync(cancellationToken);
        var health = (await session.LoadManyAsync<ServerHealth>(cancellationToken, servers.Select(s => s.Id))).ToDictionary(h => h.Id);
        return [.. servers.Select(s => (s, health.GetValueOrDefault(s.Id)))];
    }

    /// <summary>A registered server still in service; null when there is none (or it was retired).</summary>
    public async Task<InferenceServer?> FindAsync(Guid serverId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<InferenceServer>(serverId, cancellationToken) is { Retired: false } server ? server : null;
    }

    /// <summary>The server with its API key in the clear, for a client to call it; a retired server is refused.</summary>
    public async Task<ServerConnection> ConnectionAsync(Guid serverId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var server = await session.LoadAsync<InferenceServer>(serverId, cancellationToken) ?? throw NotFound();
        if (server.Retired) throw Retired(server.Settings.Name);
        return Connection(server);
    }

    public ServerConnection Connection(InferenceServer server) =>
        new(server.Id, server.Settings, server.ProtectedApiKey is null ? null : _keys.Unprotect(server.ProtectedApiKey));

    public static DomainException Retired(string name) => new($"The server {name} was retired; its jobs are not run.", DomainError.Conflict);

    public static DomainException NotFound() => new("There is no such inference server.", DomainError.NotFound);

    private string? Protect(string? apiKey) => string.IsNullOrWhiteSpace(apiKey) ? null : _keys.Protect(apiKey.Trim());
}
