using Marten;
using Platform.Generation;
using Platform.Web.Generation.Protocols;

namespace Platform.Web.Generation.Servers;

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
        return await ServerHealthRecords.UpdateAsync(store, server.Id, health =>
        {
            health.State = problem is null ? HealthState.Up : HealthState.Down;
            health.Reason = problem;
            health.CheckedAt = clock.GetUtcNow();
        }, cancellationToken);
    }
}
