using Marten;
using Platform.Results;
using Platform.Studies;
using Platform.Voting;
using Platform.Web.Studies;

namespace Platform.Web.Results;

/// <summary>
/// The study's per-video metrics beside its people's judgments (<see cref="MetricComparison"/>): the judgments recorded
/// here, gold trials and (as in the results) excluded participants left out. A judgment's videos are those of its trial
/// in the study's plan, on the sides its conditions were shown. Imported judgments name conditions, not videos, and a
/// trial no longer planned (its video rejected since) names no video: neither takes part.
/// </summary>
public sealed class MetricTables(IDocumentStore store, Voting.Slots.StudyPlans plans)
{
    public static readonly MetricTable Empty = new([], []);

    /// <param name="applyExclusions">Leave out participants the study's exclusion rules exclude, as the results do by default.</param>
    public async Task<MetricTable> ComputeAsync(Guid studyId, string? task, CancellationToken cancellationToken, bool applyExclusions = true)
    {
        await using var session = store.QuerySession();
        var study = await session.LoadAsync<Study>(studyId, cancellationToken) ?? throw StudyCatalog.NotFound();
        var metrics = await StudyMetrics.ReadAsync(session, studyId, cancellationToken);
        if (metrics.Metrics.Count == 0 && string.IsNullOrWhiteSpace(task)) return Empty;
        var videos = await session.Query<CandidateVideo>().Where(v => v.StudyId == studyId && v.State == VideoState.Ready).ToListAsync(cancellationToken);
        var sessions = await session.Query<ParticipantSession>().Where(s => s.StudyId == studyId).ToListAsync(cancellationToken);

        var rules = applyExclusions ? study.Settings.Exclusions ?? ExclusionRules.None : ExclusionRules.None;
        var excluded = Screening.Assess(sessions.SelectMany(s => s.Judgments).Select(Judgment.From), rules)
            .Where(q => q.Excluded).Select(q => q.ParticipantId).ToHashSet(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(task))
        {
            task = StudyTasks.Find(study.Settings.Tasks, task) ?? throw new Common.DomainException(
                $"The study has no task '{(task.Trim().Length > 60 ? task.Trim()[..60] + "…" : task.Trim())}'; its tasks are {string.Join(", ", study.Settings.Tasks)} (any letter case), or leave task out for all of them.");
        }
        var measured = videos.Where(v => string.IsNullOrWhiteSpace(task) || v.Task == task)
            .Select(v => new MeasuredVideo(v.Id, v.Condition, v.Task)).ToList();
        var trials = (await plans.GetAsync(study, cancellationToken)).Trials.ToDictionary(t => t.TrialId);
        return MetricComparison.Of(measured, [.. study.Settings.Conditions.Select(c => c.Key)], metrics.Metrics, metrics.Values, Judged(sessions, excluded, trials), cancellationToken);
    }

    private static List<VideoJudgment> Judged(IEnumerable<ParticipantSession> sessions, HashSet<string> excluded, Dictionary<Guid, PlannedTrial> trials) =>
        [.. from participant in sessions
            where !excluded.Contains(participant.ParticipantId)
            from judgment in participant.Judgments
            where !judgment.IsGold && trials.ContainsKey(judgment.TrialId)
            let videos = trials[judgment.TrialId].Videos
            let left = videos.FirstOrDefault(v => v.Condition == judgment.LeftCondition)
            let right = judgment.RightCondition is null ? null : videos.FirstOrDefault(v => v.Condition == judgment.RightCondition)
            where left is not null && (judgment.RightCondition is null) == (right is null)
            select new VideoJudgment(left.VideoId, right?.VideoId, judgment.Choice)];
}
