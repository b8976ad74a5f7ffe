using Marten;
using Platform.Common;
using Platform.Results;
using Platform.Studies;

namespace Platform.Web.Studies;

public enum BulkOutcome
{
    Stored,
    AlreadyThere,
    Refused,
}

/// <summary>What became of one file of a bulk upload; <see cref="VideoId"/> is the stored video (new or found).</summary>
public sealed record BulkFileResult(string File, BulkOutcome Outcome, Guid? VideoId, string? Reason = null);

/// <summary>
/// Bulk uploads: the mapping (<see cref="BulkMapping"/>) first, nothing stored while it names a problem; then each file
/// staged, hashed and stored under an id that follows from the study, its fields and its content, so a second run of an
/// interrupted upload skips what is stored already instead of storing it twice.
/// </summary>
public sealed class BulkUploads(IDocumentStore store, VideoUploads uploads, VideoTools tools, IConfiguration configuration)
{
    /// <summary>Files one API request takes (its form holds them all); folders of thousands go through a server-folder import.</summary>
    public int MaxFilesPerRequest { get; } = configuration.GetValue("Videos:MaxBulkFiles", 500);

    public VideoLimits Limits => uploads.Limits;

    public async Task<BulkPlan> PreviewAsync(Guid studyId, BulkRequest request, CancellationToken cancellationToken) =>
        (await PlanAsync(studyId, request, cancellationToken)).Plan;

    /// <summary>The study's stored videos: the cells a bulk upload may not take (<see cref="AddingVideo.Occupant"/>).</summary>
    public async Task<IReadOnlyList<CandidateVideo>> StoredAsync(Guid studyId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.Query<CandidateVideo>().Where(v => v.StudyId == studyId).ToListAsync(cancellationToken);
    }

    private async Task<(BulkPlan Plan, IReadOnlyList<CandidateVideo> Stored)> PlanAsync(Guid studyId, BulkRequest request, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var study = await session.LoadAsync<Study>(studyId, cancellationToken) ?? throw StudyCatalog.NotFound();
        var stored = await StoredAsync(studyId, cancellationToken);
        return (BulkMapping.Map(study, request, [.. stored]), stored);
    }

    /// <summary>One file of a ready plan: skipped when it is stored already, else checked and stored; a refused file says why.</summary>
    public async Task<BulkFileResult> AddOneAsync(Guid studyId, BulkVideo video, Stream content, Guid by, CancellationToken cancellationToken)
    {
        StagedFile staged;
        try
        {
            staged = await uploads.StageAsync(content, cancellationToken);
        }
        catch (DomainException refused)
        {
            return new BulkFileResult(video.File, BulkOutcome.Refused, null, refused.Message);
        }
        return await StoreAsync(studyId, video, staged, by, probed: false, cancellationToken);
    }

    /// <summary>
    /// All or nothing (the API, which holds every file at once): the plan must name no problem and every file must be a
    /// video within the limits before any is stored; otherwise a 422 names each problem.
    /// </summary>
    public async Task<IReadOnlyList<BulkFileResult>> AddAllAsync(Guid studyId, BulkRequest request, Func<string, Stream> open, Guid by, CancellationToken cancellationToken)
    {
        var (plan, storedVideos) = await PlanAsync(studyId, request, cancellationToken);
        if (!plan.IsReady) throw Refused(plan.Problems, plan.BadLines);
        var rows = plan.Rows.Where(r => r.IsValid).ToDictionary(r => r.File!, StringComparer.OrdinalIgnoreCase);
        var staged = new List<(BulkVideo Video, StagedFile File, bool Stored)>();
        try
        {
            var problems = new List<BulkProblem>();
            foreach (var video in plan.Videos)
            {
                await using var content = open(video.File);
                var file = await uploads.StageAsync(content, cancellationToken);
                var videoId = BulkMapping.VideoId(studyId, video, file.Sha256);
                var stored = storedVideos.Any(v => v.Id == videoId);
                staged.Add((video, file, stored));
                if (stored) continue;
                if (await ProblemAsync(rows[video.File], video, videoId, file, storedVideos, cancellationToken) is { } problem) problems.Add(problem);
            }
            if (problems.Count > 0) throw Refused(problems, [.. problems.Where(p => p.Line is not null).Select(p => p.Line!.Value).Distinct().Order()]);

            var results = new List<BulkFileResult>();
            foreach (var (video, file, stored) in staged)
            {
                results.Add(stored
                    ? new BulkFileResult(video.File, BulkOutcome.AlreadyThere, BulkMapping.VideoId(studyId, video, file.Sha256))
                    : await StoreAsync(studyId, video, file, by, probed: true, cancellationToken));
            }
            return results;
        }
        finally
        {
            foreach (var (_, file, _) in staged) File.Delete(file.Path);
        }
    }

    /// <summary>What keeps a staged file from being stored: its place taken by other content, or not a video within the limits.</summary>
    private async Task<BulkProblem?> ProblemAsync(BulkRow row, BulkVideo video, Guid videoId, StagedFile file, IReadOnlyList<CandidateVideo> storedVideos,
        CancellationToken cancellationToken)
    {
        if (AddingVideo.Occupant(storedVideos, videoId, video.Condition, video.Prompt, video.Seed) is { } held)
        {
            // Same file name as the stored one (so the preview let it through), but other content.
            return new BulkProblem(row.Where, BulkMapping.HeldBy(held, video.Condition, video.Prompt, video.Seed), row.Line);
        }
        try
        {
            await VideoProbe.CheckAsync(file.Path, tools, cancellationToken);
            return null;
        }
        catch (DomainException refused)
        {
            return new BulkProblem(row.Where, AsProblem(refused.Message), row.Line);
        }
    }

    private async Task<BulkFileResult> StoreAsync(Guid studyId, BulkVideo video, StagedFile staged, Guid by, bool probed, CancellationToken cancellationToken)
    {
        var videoId = BulkMapping.VideoId(studyId, video, staged.Sha256);
        if (await ExistsAsync(videoId, cancellationToken))
        {
            File.Delete(staged.Path);
            return new BulkFileResult(video.File, BulkOutcome.AlreadyThere, videoId);
        }
        try
        {
            var added = await uploads.AddStagedAsync(new VideoUpload(studyId, video.Condition, video.Prompt, video.Task, video.Seed, Path.GetFileName(video.File), staged.Bytes, by, videoId),
                staged, probed, cancellationToken);
            return new BulkFileResult(video.File, added is null ? BulkOutcome.AlreadyThere : BulkOutcome.Stored, videoId);
        }
        catch (DomainException refused)
        {
            return new BulkFileResult(video.File, BulkOutcome.Refused, null, refused.Message);
        }
    }

    /// <summary>A refusal's sentence as one problem among others: "the file is …", without its full stop.</summary>
    public static string AsProblem(string message)
    {
        var problem = message.Trim().TrimEnd('.');
        return problem.Length > 1 && char.IsUpper(problem[0]) && !char.IsUpper(problem[1]) ? char.ToLowerInvariant(problem[0]) + problem[1..] : problem;
    }

    private async Task<bool> ExistsAsync(Guid videoId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<CandidateVideo>(videoId, cancellationToken) is not null;
    }

    /// <summary>The problem+json member listing every problem with where it is: <c>[{where, line, problem}]</c>.</summary>
    public const string ProblemsMember = "problems";

    /// <summary>
    /// Nothing stored: a 422 whose <c>errors</c> name each problem ("manifest line 7 (a.mp4): condition 'x' is not …")
    /// and whose <c>badLines</c> lists the manifest's bad lines compactly ("3-7, 12").
    /// </summary>
    public static DomainException Refused(IReadOnlyList<BulkProblem> problems, IReadOnlyList<int> badLines)
    {
        const int Listed = ImportingJudgments.MaxProblemsListed;
        var shown = problems.Take(Listed).Select(p => p.ToString().TrimEnd('.')).ToList();
        var more = problems.Count > Listed ? $"; {problems.Count - Listed} more" : "";
        var extensions = new Dictionary<string, object> { [ProblemsMember] = problems.Take(Listed).ToList() };
        if (badLines.Count > 0) extensions[ImportingJudgments.BadLines] = LineRanges.Of(badLines);
        return new DomainException(
            $"Nothing was stored: {problems.Count} problem{(problems.Count == 1 ? "" : "s")}. {string.Join("; ", shown.Take(20))}{(shown.Count > 20 ? "; …" : "")}{more}.",
            DomainError.Unprocessable)
        {
            Details = shown,
            Extensions = extensions,
        };
    }
}
