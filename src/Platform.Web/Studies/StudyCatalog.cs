using Marten;
using Platform.Common;
using Platform.Studies;
using Platform.Voting;
using Platform.Web.Hosting.Database;

namespace Platform.Web.Studies;

/// <param name="Judgments">Answers recorded here to the study's trials; gold trials (attention checks) are counted apart in
/// <paramref name="GoldJudgments"/>, judgments imported from elsewhere in <paramref name="ImportedJudgments"/>.</param>
public sealed record StudyCounts(int VideosProcessing, int VideosReady, int VideosRejected, int Trials, int Judgments, int Sessions, int CompletedSessions, int ReturnedSessions = 0,
    int GoldJudgments = 0, int ImportedJudgments = 0);

/// <summary>Runs the study use cases: design, change, open / pause / close, and what a researcher sees of a study.</summary>
public sealed class StudyCatalog(IDocumentStore store, TimeProvider clock, Voting.StudyGoals goals)
{
    public async Task<Study> CreateAsync(DesignStudy command, CancellationToken cancellationToken = default)
    {
        var created = DesigningStudy.Handle(command with { TrialKey = command.TrialKey ?? StableId.NewKey(), CompletionCode = command.CompletionCode ?? CompletionCodes.New() }, clock.GetUtcNow());
        await using var session = store.LightweightSession();
        session.Events.StartStream<Study>(created.StudyId, created);
        await session.SaveChangesAsync(cancellationToken);
        return Study.Create(created);
    }

    /// <summary>The studies the viewer may see (<see cref="StudyAccess"/>): their own and those shared with them; all for an admin.</summary>
    public async Task<IReadOnlyList<Study>> ListAsync(Actor viewer, CancellationToken cancellationToken = default)
    {
        await using var session = store.QuerySession();
        var studies = session.Query<Study>();
        var me = viewer.UserId;
        var visible = viewer.IsAdmin ? studies : studies.Where(s => s.CreatedBy == me || s.SharedWith.Contains(me));
        return await visible.OrderByDescending(s => s.CreatedAt).ToListAsync(cancellationToken);
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default)
    {
        await using var session = store.QuerySession();
        return await session.Query<Study>().AnyAsync(cancellationToken);
    }

    public async Task<Study> GetAsync(Guid studyId, CancellationToken cancellationToken = default)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<Study>(studyId, cancellationToken) ?? throw NotFound();
    }

    public async Task<StudyCounts> CountAsync(Study study, CancellationToken cancellationToken = default)
    {
        await using var session = store.QuerySession();
        // One read of the videos serves both the counts by state and the plan (this runs on every page refresh).
        var all = await session.Query<CandidateVideo>().Where(v => v.StudyId == study.Id).ToListAsync(cancellationToken);
        var videos = all.Select(v => v.State).ToList();
        var plan = Plan(study, all.Where(v => v.State == VideoState.Ready));
        var tally = await Results.StudyTally.ReadAsync(session, study.Id, cancellationToken);
        var sessions = await session.Query<ParticipantSession>().Where(s => s.StudyId == study.Id).Select(s => new { s.Completed, s.Returned }).ToListAsync(cancellationToken);
        return new StudyCounts(
            videos.Count(v => v == VideoState.Processing), videos.Count(v => v == VideoState.Ready), videos.Count(v => v == VideoState.Rejected),
            plan.Count, tally.Judgments - tally.Imported, sessions.Count, sessions.Count(s => s.Completed), sessions.Count(s => s.Returned),
            tally.GoldJudgments, tally.Imported);
    }

    public Task ChangeAsync(ChangeStudy command, CancellationToken cancellationToken = default) =>
        DecideAsync(command.StudyId, async (session, study) =>
        {
            // Under the study's lock (answers take it shared): no judgment lands between counting them and the change.
            await StudyLock.AcquireAsync(session, study.Id, cancellationToken);
            return ChangingStudy.Handle(study, command, await JudgmentsAsync(session, study.Id, cancellationToken), clock.GetUtcNow());
        }, cancellationToken);

    public async Task OpenAsync(OpenStudy command, CancellationToken cancellationToken = default)
    {
        await DecideAsync(command.StudyId, async (session, study) =>
            RunningStudy.Handle(study, command, (await PlanAsync(session, study, cancellationToken)).Count, clock.GetUtcNow(),
                await session.Query<CandidateVideo>().CountAsync(v => v.StudyId == study.Id && v.State == VideoState.Processing, cancellationToken)), cancellationToken);
        // An adaptive study whose goal was met while it was paused closes now: no answer would come to close it.
        await goals.CloseIfMetAsync(command.StudyId, cancellationToken);
    }

    public Task PauseAsync(PauseStudy command, CancellationToken cancellationToken = default) =>
        DecideAsync(command.StudyId, (_, study) => Task.FromResult<object?>(RunningStudy.Handle(study, command, clock.GetUtcNow())), cancellationToken);

    public Task CloseAsync(CloseStudy command, CancellationToken cancellationToken = default) =>
        DecideAsync(command.StudyId, (_, study) => Task.FromResult<object?>(RunningStudy.Handle(study, command, clock.GetUtcNow())), cancellationToken);

    /// <summary>The trials the study's ready videos make now.</summary>
    public static async Task<IReadOnlyList<PlannedTrial>> PlanAsync(IQuerySession session, Study study, CancellationToken cancellationToken) =>
        Plan(study, await ReadyVideosAsync(session, study.Id, cancellationToken));

    public static IReadOnlyList<PlannedTrial> Plan(Study study, IEnumerable<CandidateVideo> ready) =>
        TrialPlanner.Plan(study.Id, study.Settings, ready.Select(v => new ReadyVideo(v.Id, v.Condition, v.Prompt, v.Task, v.Seed, v.UploadedAt)), study.TrialKey);

    public static async Task<IReadOnlyList<CandidateVideo>> ReadyVideosAsync(IQuerySession session, Guid studyId, CancellationToken cancellationToken) =>
        await session.Query<CandidateVideo>().Where(v => v.StudyId == studyId && v.State == VideoState.Ready).ToListAsync(cancellationToken);

    public static DomainException NotFound() => new("There is no such study.", DomainError.NotFound);

    /// <summary>Judgments recorded here (gold included) and imported ones: every answer a breaking change would invalidate.</summary>
    private static async Task<int> JudgmentsAsync(IQuerySession session, Guid studyId, CancellationToken cancellationToken)
    {
        var tally = await Results.StudyTally.ReadAsync(session, studyId, cancellationToken);
        return tally.Judgments + tally.GoldJudgments;
    }

    private Task DecideAsync(Guid studyId, Func<IDocumentSession, Study, Task<object?>> decide, CancellationToken cancellationToken) =>
        store.DecideAsync(studyId, decide, NotFound, cancellationToken);
}
