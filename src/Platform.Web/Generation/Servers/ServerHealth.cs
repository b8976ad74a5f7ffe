namespace Platform.Generation.Servers;

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
