using Platform.Results;

namespace Platform.Web.Results;

/// <summary>COLMAP runs, bound from the configuration section "Consistency".</summary>
public sealed class ConsistencyOptions
{
    public const string Section = "Consistency";

    public string ColmapPath { get; set; } = "colmap";

    /// <summary>Frames per second taken from the video for COLMAP.</summary>
    public double FrameRate { get; set; } = 12;

    /// <summary>Frames wider than this are scaled down (keeping the aspect): SIFT's cost grows with the pixels.</summary>
    public int MaxWidth { get; set; } = 320;

    /// <summary>The sequential matcher matches each frame with this many after it.</summary>
    public int Overlap { get; set; } = 10;

    /// <summary>Measurements at once in each worker process. COLMAP uses every core, so one is the sensible default.</summary>
    public int Workers { get; set; } = 1;

    /// <summary>Threads each COLMAP step uses; 0 for all cores.</summary>
    public int Threads { get; set; }

    /// <summary>A run past this is stopped and recorded as failed (not measured).</summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromMinutes(10);

    public ColmapParameters Parameters => new(FrameRate, MaxWidth, Overlap);
}
