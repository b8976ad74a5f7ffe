using System.Collections.Concurrent;
using System.Diagnostics;
using JasperFx;
using Marten;
using Platform.Studies;
using Platform.Voting;
using Platform.Web.Results;
using Platform.Web.Voting.Slots;

namespace Platform.Web.Voting;

/// <summary>Where an adaptive study's goal stood at a read: each unit, and what the assignment draws from.</summary>
public sealed record GoalSnapshot(GoalStatus Status, AdaptiveState Adaptive, int StudyVersion, long ReadAt)
{
    public static GoalSnapshot Assess(Study study, IReadOnlyDictionary<string, long[]> counts, long readAt)
    {
        var settings = study.Settings;
        var goal = settings.Goal ?? throw new ArgumentException("The study has no goal.", nameof(study));
        var units = GoalUnits.Count(settings, counts);
        var status = StoppingRules.Assess(goal, units, tiesPossible: SampleSize.TiesPossible(settings), stopped: study.StoppedUnits);
        return new GoalSnapshot(status, new AdaptiveState(ActiveSampling.OpenWeights(status, units), goal.FloorPerTrial), study.Version, readAt);
    }
}

/// <summary>
/// Each adaptive study's goal, assessed on its tallies (<see cref="StudyTally.Counts"/>) at most every
/// <see cref="Freshness"/> per process for handing out trials, and afresh after answers — in the background, one check
/// at a time per study, so the answer itself does not wait — recording units that stop and closing the study the moment
/// its goal is met (<see cref="StudyGoalMet"/>). Reads in flight are shared by every request of the study.
/// </summary>
public sealed class StudyGoals(IDocumentStore store, TimeProvider clock, ILogger<StudyGoals> logger)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromMilliseconds(500);

    private readonly SharedReads<Guid, GoalSnapshot> _reads = new();

    /// <summary>Studies with a check running (1), or running and asked for again meanwhile (2).</summary>
    private readonly ConcurrentDictionary<Guid, int> _checks = new();

    /// <summary>
    /// After an answer to an adaptive study: checks its goal soon, off the answer's path. Answers arriving while a check
    /// runs ask for one more, at most every <see cref="CheckEvery"/>, which reads everything they stored.
    /// </summary>
    public void CheckSoon(Study study)
    {
        if (study.Settings.Goal is null) return;
        if (_checks.AddOrUpdate(study.Id, 1, (_, _) => 2) == 1) _ = Task.Run(() => CheckAsync(study.Id));
    }

    /// <summary>The least time between two checks of one study: each reads every session's tally row of the study.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);

    private async Task CheckAsync(Guid studyId)
    {
        var failures = 0;
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await CloseIfMetAsync(studyId, CancellationToken.None);
                failures = 0;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Once more after a pause (below); the next answer, the next opening and the sweep (GoalSweep) check again too.
                if (++failures < 3)
                {
                    logger.LogWarning(e, "Checking the goal of study {StudyId} failed; trying again in a moment", studyId);
                    _checks[studyId] = 2;
                }
                else logger.LogError(e, "Checking the goal of study {StudyId} failed {Failures} times in a row; the sweep tries again", studyId, failures);
            }
            if (_checks.TryRemove(KeyValuePair.Create(studyId, 1))) return;
            // Asked again meanwhile: once more, a moment later, for every answer stored by then.
            var wait = CheckEvery - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            _checks[studyId] = 1;
        }
    }

    /// <summary>The goal as read a moment ago (null for a study without one): what steers the choice of trial.</summary>
    public async Task<GoalSnapshot?> GetAsync(Study study, CancellationToken cancellationToken) =>
        study.Settings.Goal is null ? null
            : await _reads.GetAsync(study.Id, s => s.StudyVersion == study.Version && Stopwatch.GetElapsedTime(s.ReadAt) < Freshness,
                () => ReadAsync(study), cancellationToken);

    /// <summary>The goal as it stands now, read for this caller alone (a shared read may have begun before the caller's answers were stored).</summary>
    public Task<GoalSnapshot> ReadNowAsync(Study study) =>
        study.Settings.Goal is null ? throw new ArgumentException("The study has no goal.", nameof(study)) : ReadAsync(study);

    /// <summary>
    /// After an answer to an adaptive study that is open or paused, or when it opens again: records the units that
    /// stopped now (<see cref="GoalUnitsStopped"/>), and closes the study if its goal is met. Any other study is left alone.
    /// </summary>
    public async Task CloseIfMetAsync(Guid studyId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RecordStopsAsync(studyId, cancellationToken);
                return;
            }
            // The sweep or a researcher wrote the study meanwhile: decide again on what they stored (the next answer and the
            // sweep do, after three tries).
            catch (ConcurrencyException) when (attempt < 3)
            {
            }
            catch (ConcurrencyException)
            {
                return;
            }
        }
    }

    private async Task RecordStopsAsync(Guid studyId, CancellationToken cancellationToken)
    {
        // Read first, outside any writing session: most checks find nothing to record and write nothing.
        Study? study;
        await using (var query = store.QuerySession())
        {
            study = await query.LoadAsync<Study>(studyId, cancellationToken);
        }
        if (study is not { Status: StudyStatus.Open or StudyStatus.Paused, Settings.Goal: { } goal }) return;
        var status = (await ReadNowAsync(study)).Status;
        if (!status.Met && StoppingRules.NewlyStopped(status, study.StoppedUnits).Count == 0) return;

        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<Study>(studyId, cancellationToken);
        // Appended at the version read above: a study written since (the sweep, a researcher) is a conflict, decided again.
        if (stream.Aggregate is not { Status: StudyStatus.Open or StudyStatus.Paused } current || current.Version != study.Version) throw new ConcurrencyException("The study changed meanwhile.", typeof(Study), studyId);
        var now = clock.GetUtcNow();
        var newly = StoppingRules.NewlyStopped(status, current.StoppedUnits);
        if (newly.Count > 0) stream.AppendOne(new GoalUnitsStopped(studyId, newly, now));
        if (status.Met) stream.AppendOne(new StudyGoalMet(studyId, goal.Describe(), status.Outcome, status.Judgments, now, [.. status.Units.Select(UnitOutcome.From)]));
        await session.SaveChangesAsync(cancellationToken);
        if (status.Met) logger.LogInformation("Study {StudyId} met its goal after {Judgments} judgments: {Outcome}", studyId, status.Judgments, status.Outcome);
    }

    private async Task<GoalSnapshot> ReadAsync(Study study)
    {
        var readAt = Stopwatch.GetTimestamp();
        await using var session = store.QuerySession();
        var tally = await StudyTally.ReadAsync(session, study.Id, CancellationToken.None);
        return GoalSnapshot.Assess(study, tally.Counts, readAt);
    }
}
