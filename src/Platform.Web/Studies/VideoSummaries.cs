using Marten;
using Platform.Studies;

namespace Platform.Web.Studies;

public sealed record VideoSummary(Guid Id, string Condition, string Prompt, string Task, int? Seed, VideoState Status, string? Reason, string? PosterUrl, double DurationSeconds);

public sealed class VideoSummaries(IDocumentStore store)
{
    public async Task<IReadOnlyList<VideoSummary>> ListAsync(Guid studyId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var videos = await session.Query<CandidateVideo>().Where(v => v.StudyId == studyId).OrderBy(v => v.UploadedAt).ToListAsync(cancellationToken);
        return [.. videos.Select(From)];
    }

    public async Task<IReadOnlyDictionary<Guid, int>> ProgressAsync(IEnumerable<Guid> videoIds, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var progress = await session.LoadManyAsync<VideoProgress>(cancellationToken, videoIds);
        return progress.ToDictionary(p => p.Id, p => p.Percent);
    }

    public static VideoSummary From(CandidateVideo v) => new(v.Id, v.Condition, v.Prompt, v.Task, v.Seed, v.State, v.RejectionReason,
        v.PosterMediaId is null ? null : $"/media/{v.PosterMediaId}", v.DurationSeconds);
}
