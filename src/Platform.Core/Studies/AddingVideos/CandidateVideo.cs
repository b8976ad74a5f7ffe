namespace Platform.Studies;

public enum VideoState
{
    Processing,
    Ready,
    Rejected,
}

public sealed record VideoUploaded(Guid VideoId, Guid StudyId, string Condition, string Prompt, string Task, int? Seed, string FileName, long Bytes, Guid By, DateTimeOffset At);

/// <param name="MediaId">Opaque id of the web-playable MP4. Gold trials use its copies: <paramref name="DegradedMediaId"/> holds its
/// first frame throughout (pairwise gold), <paramref name="CorruptedMediaId"/> is scrambled, noisy and inverted (rating gold;
/// null for videos processed before it existed).</param>
/// <param name="FrameRate">Frames per second of the web-playable MP4; 0 when unknown (videos processed before it was recorded).</param>
public sealed record VideoProcessed(Guid VideoId, Guid StudyId, string Sha256, string MediaId, string PosterMediaId, string DegradedMediaId, string? CorruptedMediaId,
    double DurationSeconds, int Width, int Height, double FrameRate, DateTimeOffset At);

public sealed record VideoRejected(Guid VideoId, Guid StudyId, string Reason, DateTimeOffset At);

/// <summary>One video of one condition for one prompt (and seed), from upload to web-playable (or rejected).</summary>
public sealed class CandidateVideo
{
    public Guid Id { get; set; }
    public Guid StudyId { get; set; }
    public string Condition { get; set; } = string.Empty;
    public string Prompt { get; set; } = string.Empty;
    public string Task { get; set; } = string.Empty;
    public int? Seed { get; set; }
    public string FileName { get; set; } = string.Empty;
    public long Bytes { get; set; }
    public VideoState State { get; set; }
    public string? RejectionReason { get; set; }
    public string? Sha256 { get; set; }
    public string? MediaId { get; set; }
    public string? PosterMediaId { get; set; }
    public string? DegradedMediaId { get; set; }
    public string? CorruptedMediaId { get; set; }
    public double DurationSeconds { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public double FrameRate { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public int Version { get; set; }

    public static CandidateVideo Create(VideoUploaded e) => new()
    {
        Id = e.VideoId,
        StudyId = e.StudyId,
        Condition = e.Condition,
        Prompt = e.Prompt,
        Task = e.Task,
        Seed = e.Seed,
        FileName = e.FileName,
        Bytes = e.Bytes,
        State = VideoState.Processing,
        UploadedAt = e.At,
    };

    public void Apply(VideoProcessed e)
    {
        State = VideoState.Ready;
        Sha256 = e.Sha256;
        MediaId = e.MediaId;
        PosterMediaId = e.PosterMediaId;
        DegradedMediaId = e.DegradedMediaId;
        CorruptedMediaId = e.CorruptedMediaId;
        DurationSeconds = e.DurationSeconds;
        Width = e.Width;
        Height = e.Height;
        FrameRate = e.FrameRate;
    }

    public void Apply(VideoRejected e)
    {
        State = VideoState.Rejected;
        RejectionReason = e.Reason;
    }
}
