using Marten;
using Platform.Web.Hosting.Database;

namespace Platform.Web.Generation.Servers;

public enum HealthState
{
    Unknown,
    Up,
    Down,
}

/// <summary>What the last probe of a server found, and how long its recent jobs took (for estimates).</summary>
public sealed class ServerHealth
{
    public const int DurationsKept = 50;

    public Guid Id { get; set; }
    public HealthState State { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset? CheckedAt { get; set; }
    public List<double> RecentSeconds { get; set; } = [];

    public void AddDuration(double seconds)
    {
        RecentSeconds.Add(seconds);
        if (RecentSeconds.Count > DurationsKept) RecentSeconds.RemoveRange(0, RecentSeconds.Count - DurationsKept);
    }
}

public static class ServerHealthRecords
{
    /// <summary>
    /// Changes a server's record under its advisory lock: the probe and finishing jobs (several at once) write it,
    /// and none of them may undo another's change.
    /// </summary>
    public static async Task<ServerHealth> UpdateAsync(IDocumentStore store, Guid serverId, Action<ServerHealth> change, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        await AdvisoryLocks.InTransactionAsync(session, serverId, cancellationToken);
        var health = await session.LoadAsync<ServerHealth>(serverId, cancellationToken) ?? new ServerHealth { Id = serverId };
        change(health);
        session.Store(health);
        await session.SaveChangesAsync(cancellationToken);
        return health;
    }
}
