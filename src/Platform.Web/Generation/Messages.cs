namespace Platform.Web.Generation.Following;

/// <summary>A candidate video finished processing and can be planned into trials (uploaded or generated).</summary>
public sealed record CandidateVideoReady(Guid StudyId, Guid VideoId, string Condition, string Prompt, int? Seed);

/// <summary>A generation job ended without a video.</summary>
public sealed record GenerationFailed(Guid StudyId, Guid BatchId, Guid JobId, string Reason);

/// <summary>Every job of a batch has ended.</summary>
public sealed record BatchCompleted(Guid StudyId, Guid BatchId, int Succeeded, int Failed, int Cancelled);
