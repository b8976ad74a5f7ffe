using Marten;
using Platform.Generation.Protocols;

namespace Platform.Generation.Servers;

/// <summary>Recurring job: asks every registered server whether it answers, for the servers page.</summary>
public sealed class ProbeServers(IDocumentStore store, ServerRegistry registry, IEnumerable<IVideoServerClient> clients, TimeProvider clock)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var (server, _) in await registry.ListAsync(cancellationToken))
            await ProbeAsync(server, cancellationToken);
    }

    public async Task<ServerHealth> ProbeAsync(InferenceServer server, CancellationToken cancellationToken)
    {
        string? problem;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            problem = await clients.Single(c => c.Protocol == server.Settings.Protocol).ProbeAsync(registry.Connection(server), timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or Polly.Timeout.TimeoutRejectedException)
        {
            problem = e.Message;
        }
        await using var session = store.LightweightSession();
        var health = await session.LoadAsync<ServerHealth>(server.Id, cancellationToken) ?? new ServerHealth { Id = server.Id };
        health.State = problem is null ? HealthState.Up : HealthState.Down;
        health.Reason = problem;
        health.CheckedAt = clock.GetUtcNow();
        session.Store(health);
        await session.SaveChangesAsync(cancellationToken);
        return health;
    }
}
