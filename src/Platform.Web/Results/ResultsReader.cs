using System.Collections.Concurrent;
using System.Data;
using Marten;
using Microsoft.Extensions.Caching.Memory;
using Platform.Common;
using Platform.Results;
using Platform.Studies;
using Platform.Voting;
using Platform.Web.Studies;

namespace Platform.Web.Results;

/// <summary>A study with every judgment it has, read in one snapshot at one event version.</summary>
public sealed record StudyJudgments(Study Study, long EventVersion, IReadOnlyList<Judgment> Judgments);

/// <summary>Results with the study settings they were computed from: one snapshot, one event version.</summary>
public sealed record ComputedResults(StudyResults Results, StudySettings Settings);

/// <summary>
/// Reads a study's judgments (recorded and imported) and computes its results on demand. Only the latest of each is
/// kept, keyed by the study's event version: a dashboard that refreshes recomputes (with its bootstrap) only after
/// something changed, and a running study does not pile up old copies.
/// </summary>
public sealed class ResultsReader(IDocumentStore store, IMemoryCache cache)
{
    private static readonly MemoryCacheEntryOptions KeepFor = new() { SlidingExpiration = TimeSpan.FromMinutes(10) };

    private sealed record Latest<T>(long EventVersion, T Value);

    /// <summary>The study's live tally: counts and the event version, current with the last judgment (folded on read).</summary>
    public async Task<StudyTally> TallyAsync(Guid studyId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await StudyTally.ReadAsync(session, studyId, cancellationToken);
    }

    public async Task<StudyJudgments> JudgmentsAsync(Guid studyId, CancellationToken cancellationToken) =>
        await JudgmentsAsync(studyId, (await TallyAsync(studyId, cancellationToken)).Version, cancellationToken);

    private async Task<StudyJudgments> JudgmentsAsync(Guid studyId, long version, CancellationToken cancellationToken)
    {
        var key = ("judgments", studyId);
        if (cache.TryGetValue(key, out Latest<StudyJudgments>? cached) && cached!.EventVersion >= version) return cached.Value;
        var read = await ReadAsync(studyId, cancellationToken);
        cache.Set(key, new Latest<StudyJudgments>(read.EventVersion, read), KeepFor);
        return read;
    }

    /// <summary>How many times results were computed rather than served from the cache (for tests and diagnostics).</summary>
    public long Computations => Interlocked.Read(ref _computations);

    private long _computations;

    public async Task<StudyResults> ComputeAsync(Guid studyId, bool applyExclusions, string? task, CancellationToken cancellationToken) =>
        (await ComputeWithSettingsAsync(studyId, applyExclusions, task, cancellationToken)).Results;

    public async Task<ComputedResults> ComputeWithSettingsAsync(Guid studyId, bool applyExclusions, string? task, CancellationToken cancellationToken)
    {
        var version = (await TallyAsync(studyId, cancellationToken)).Version;
        task = string.IsNullOrWhiteSpace(task) ? null : await KnownTaskAsync(studyId, version, task, cancellationToken);
        var key = ("results", studyId, applyExclusions, task);
        if (cache.TryGetValue(key, out Latest<ComputedResults>? cached) && cached!.EventVersion >= version) return cached.Value;

        // One computation per study, filter and version however many dashboards and scripts ask at once; it runs to
        // the end (and fills the cache) even if the caller that started it goes away.
        var flight = _computing.GetOrAdd((key, version), _ => new Lazy<Task<ComputedResults>>(() => Task.Run(async () =>
        {
            var read = await JudgmentsAsync(studyId, version, CancellationToken.None);
            Interlocked.Increment(ref _computations);
            var results = ResultsCalculator.Compute(studyId, read.EventVersion, read.Study.Settings, read.Judgments, new ResultsOptions(applyExclusions, task));
            var computed = new ComputedResults(results, read.Study.Settings);
            cache.Set(key, new Latest<ComputedResults>(results.EventVersion, computed), KeepFor);
            return computed;
        })));
        _ = flight.Value.ContinueWith(
            _ => _computing.TryRemove(KeyValuePair.Create<object, Lazy<Task<ComputedResults>>>((key, version), flight)), TaskScheduler.Default);
        return await flight.Value.WaitAsync(cancellationToken);
    }

    private readonly ConcurrentDictionary<object, Lazy<Task<ComputedResults>>> _computing = new();

    /// <summary>
    /// The task asked for, as the study spells it (any letter case finds it, as uploads do); one the study does not have
    /// is refused naming those it has, rather than answered with empty results. Tasks only judgments name (imported into
    /// a study without tasks of its own) count as the study's.
    /// </summary>
    private async Task<string> KnownTaskAsync(Guid studyId, long version, string task, CancellationToken cancellationToken)
    {
        var read = await JudgmentsAsync(studyId, version, cancellationToken);
        var own = read.Study.Settings.Tasks;
        var named = read.Judgments.Select(j => j.Task).Where(t => t.Length > 0 && !own.Contains(t, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal);
        List<string> known = [.. own, .. named];
        if (StudyTasks.Find(known, task) is { } found) return found;
        var shown = task.Trim().Length > 60 ? task.Trim()[..60] + "…" : task.Trim();
        throw new DomainException(known.Count == 0
            ? $"The study has no tasks, so there is no task '{shown}' to show; leave task out for all judgments."
            : $"The study has no task '{shown}'; its tasks are {string.Join(", ", known)} (any letter case), or leave task out for all of them.")
        {
            Extensions = new Dictionary<string, object> { ["tasks"] = known },
        };
    }

    /// <summary>Everything in one repeatable-read transaction, so the judgments are exactly those at the tally's version.</summary>
    private async Task<StudyJudgments> ReadAsync(Guid studyId, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession(IsolationLevel.RepeatableRead);
        await session.BeginTransactionAsync(cancellationToken);
        var study = await session.LoadAsync<Study>(studyId, cancellationToken) ?? throw StudyCatalog.NotFound();
        var tally = await StudyTally.ReadAsync(session, studyId, cancellationToken);
        var sessions = await session.Query<ParticipantSession>().Where(s => s.StudyId == studyId).ToListAsync(cancellationToken);
        var imports = await session.Query<JudgmentImport>().Where(i => i.StudyId == studyId).OrderBy(i => i.At).ToListAsync(cancellationToken);
        // Gold trials are recorded without prompt and task; their ids derive from the video their copies were made from.
        var videos = await session.Query<CandidateVideo>().Where(v => v.StudyId == studyId).ToListAsync(cancellationToken);
        var golds = videos.ToDictionary(v => AssigningTrial.GoldTrialId(new GoldSource(v.Id, v.Condition)), v => new GoldVideo(v.Prompt, v.Task, v.Condition));
        var judgments = sessions.SelectMany(s => s.Judgments).OrderBy(j => j.At).Select(j => Judgment.From(j, id => golds.GetValueOrDefault(id)))
            .Concat(imports.SelectMany(Judgment.From))
            .ToList();
        return new StudyJudgments(study, tally.Version, judgments);
    }
}
