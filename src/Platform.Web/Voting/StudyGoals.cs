using System.Diagnostics;
using JasperFx;
using Marten;
using Platform.Studies;
using Platform.Voting;
using Platform.Web.Hosting.Database;
using Platform.Web.Results;
using Platform.Web.Studies;
using Platform.Web.Voting.Slots;

namespace Platform.Web.Voting;

/// <summary>Where an adaptive study's goal stood at a read: each unit, and what the assignment draws from.</summary>
public sealed record GoalSnapshot(GoalStatus Status, IReadOnlyList<UnitCounts> Counts, AdaptiveState Adaptive, int StudyVersion, long ReadAt)
{
    public static GoalSnapshot Assess(StudySettings settings, IReadOnlyDictionary<string, long[]> counts, int studyVersion, long readAt)
    {
        var goal = settings.Goal ?? throw new ArgumentException("The study has no goal.", nameof(settings));
        var units = GoalUnits.Count(settings, counts);
        var status = StoppingRules.Assess(goal, units, tiesPossible: SampleSize.TiesPossible(settings));
        return new GoalSnapshot(status, units, new AdaptiveState(ActiveSampling.OpenWeights(status, units), goal.FloorPerTrial), studyVersion, readAt);
    }
}

/// <summary>
/// Each adaptive study's goal, assessed on its tallies (<see cref="StudyTally.Counts"/>) at most every
/// <see cref="Freshness"/> per process for handing out trials, and afresh after every answer, which closes the study
/// the moment its goal is met (<see cref="StudyGoalMet"/>). Reads in flight are shared by every request of the study.
/// </summary>
public sealed class StudyGoals(IDocumentStore store, TimeProvider clock, ILogger<StudyGoals> logger)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromMilliseconds(500);

    private readonly SharedReads<Guid, GoalSnapshot> _reads = new();

    /// <summary>The goal as read a moment ago (null for a study without one): what steers the choice of trial.</summary>
    public async Task<GoalSnapshot?> GetAsync(Study study, CancellationToken cancellationToken, bool fresh = false)
    {
        if (study.Settings.Goal is null) return null;
        var asked = Stopwatch.GetTimestamp();
        return await _reads.GetAsync(study.Id,
            s => s.StudyVersion == study.Version && (fresh ? s.ReadAt >= asked : Stopwatch.GetElapsedTime(s.ReadAt) < Freshness),
            () => ReadAsync(study), cancellationToken);
    }

    /// <summary>After an answer to an open adaptive study: closes it if its goal is met now.</summary>
    public async Task CloseIfMetAsync(Study study, CancellationToken cancellationToken)
    {
        if (study.Status != StudyStatus.Open || study.Settings.Goal is not { } goal) return;
        var snapshot = (await GetAsync(study, cancellationToken, fresh: true))!;
        if (!snapshot.Status.Met) return;
        try
        {
            await store.DecideAsync<Study>(study.Id, (_, current) => Task.FromResult<object?>(current.Status == StudyStatus.Open
                ? new StudyGoalMet(study.Id, goal.Describe(), snapshot.Status.Outcome, snapshot.Status.Judgments, clock.GetUtcNow(), [.. snapshot.Status.Units.Select(UnitOutcome.From)])
                : null), StudyCatalog.NotFound, cancellationToken);
            logger.LogInformation("Study {StudyId} met its goal after {Judgments} judgments: {Outcome}", study.Id, snapshot.Status.Judgments, snapshot.Status.Outcome);
        }
        catch (ConcurrencyException)
        {
            // Another answer closed it, or a researcher changed it, meanwhile: the next answer decides again.
        }
    }

    private async Task<GoalSnapshot> ReadAsync(Study study)
    {
        var readAt = Stopwatch.GetTimestamp();
        await using var session = store.QuerySession();
        var tally = await StudyTally.ReadAsync(session, study.Id, CancellationToken.None);
        return GoalSnapshot.Assess(study.Settings, tally.Counts, study.Version, readAt);
    }
}
