using System.Collections.Concurrent;
using System.Diagnostics;
using Marten;
using Platform.Studies;
using Platform.Voting;
using Platform.Web.Studies;

namespace Platform.Web.Voting.Slots;

/// <summary>What a study hands out: its planned trials, gold sources and ready videos (for the trial views).</summary>
public sealed record StudyPlan(int StudyVersion, IReadOnlyList<PlannedTrial> Trials, IReadOnlyList<GoldSource> Golds, IReadOnlyDictionary<Guid, CandidateVideo> Videos, long ReadAt)
{
    /// <summary>The longest ready video, in seconds: how long a trial is held depends on it (<see cref="HoldingSlots.HoldFor"/>).</summary>
    public double LongestVideoSeconds { get; } = Videos.Count == 0 ? 0 : Videos.Values.Max(v => v.DurationSeconds);
}

/// <summary>
/// Each study's plan, read from its ready videos at most every <see cref="Freshness"/> per process (and at once after
/// a settings change), with the slot rows of its trials made once per process: the participant requests of a study
/// share one read instead of each reading every video.
/// </summary>
public sealed class StudyPlans(IDocumentStore store)
{
    /// <summary>A video that becomes ready is handed out after at most this long.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(2);

    private readonly SharedReads<Guid, StudyPlan> _plans = new();
    private readonly ConcurrentDictionary<(Guid TrialId, int K), byte> _slotsMade = new();

    public Task<StudyPlan> GetAsync(Study study, CancellationToken cancellationToken) =>
        _plans.GetAsync(study.Id, plan => plan.StudyVersion == study.Version && Stopwatch.GetElapsedTime(plan.ReadAt) < Freshness,
            () => ReadAsync(study), cancellationToken);

    private async Task<StudyPlan> ReadAsync(Study study)
    {
        var readAt = Stopwatch.GetTimestamp();
        await using var session = store.QuerySession();
        var ready = await StudyCatalog.ReadyVideosAsync(session, study.Id, CancellationToken.None);
        var trials = StudyCatalog.Plan(study, ready);
        var k = study.Settings.JudgmentsPerTrial;
        var missing = trials.Select(t => t.TrialId).Where(id => !_slotsMade.ContainsKey((id, k))).ToList();
        await SlotLedger.EnsureAsync(session, study.Id, missing, k, CancellationToken.None);
        foreach (var id in missing) _slotsMade.TryAdd((id, k), 0);
        return new StudyPlan(study.Version, trials, AssigningTrial.GoldSources(study.Settings, ready), ready.ToDictionary(v => v.Id), readAt);
    }
}
