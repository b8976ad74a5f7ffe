namespace Platform.RenderServer;

/// <summary>Settings of the reference render server, bound from the configuration section "Render".</summary>
public sealed class RenderOptions
{
    public const string Section = "Render";

    /// <summary>Minimum time a job takes, queued plus rendering, so clients see the states a GPU server goes through.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Renders at once; further jobs wait as "queued".</summary>
    public int MaxConcurrentJobs { get; set; } = 2;

    /// <summary>When set, every /v1 and ComfyUI request needs "Authorization: Bearer &lt;key&gt;".</summary>
    public string? ApiKey { get; set; }

    public string DataDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "platform-render-server");

    /// <summary>Model ids listed by GET /v1/models besides "reference-render".</summary>
    public IList<string> Models { get; } = [];

    public string FfmpegPath { get; set; } = "ffmpeg";
}
