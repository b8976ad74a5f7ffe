using Platform.Studies;

namespace Platform.Voting;

/// <param name="Live">Judgments plus unexpired assignments: what counts against k.</param>
/// <param name="Ever">Every assignment ever made, for alternating sides.</param>
public sealed record TrialLoad(int Live, int Ever);

/// <summary>A ready video that can make a gold trial: the clean file against its frozen-frame copy.</summary>
public sealed record GoldSource(Guid VideoId, string Condition);

public static class AssigningTrial
{
    public const string DegradedCondition = "gold:degraded";

    /// <summary>
    /// The next trial for a session: a gold trial at the gold positions, otherwise the least-judged planned trial the
    /// participant has not seen that still has room under k (ties broken at random). Null when there is none.
    /// </summary>
    public static TrialAssigned? Next(
        ParticipantSession session, StudySettings settings, IReadOnlyList<PlannedTrial> plan,
        IReadOnlyDictionary<Guid, TrialLoad> loads, IReadOnlyList<GoldSource> golds, Random random, DateTimeOffset now)
    {
        var position = session.Judgments.Count;
        if (session.Completed || position >= settings.TrialsPerParticipant) return null;

        if (GoldSchedule.IsGoldPosition(position, settings.TrialsPerParticipant, settings.GoldRate))
        {
            var gold = golds.Where(g => !session.SeenTrials.Contains(GoldTrialId(g))).OrderBy(_ => random.Next()).FirstOrDefault();
            if (gold is not null) return Gold(session, settings, gold, position, random, now);
        }

        var candidates = plan
            .Where(t => !session.SeenTrials.Contains(t.TrialId))
            .Select(t => (Trial: t, Load: loads.GetValueOrDefault(t.TrialId, new TrialLoad(0, 0))))
            .Where(c => c.Load.Live < settings.JudgmentsPerTrial)
            .ToList();
        if (candidates.Count == 0) return null;
        var fewest = candidates.Min(c => c.Load.Live);
        var (trial, load) = candidates.Where(c => c.Load.Live == fewest).OrderBy(_ => random.Next()).First();
        var (left, right) = Sides.Arrange(trial, load.Ever);
        return new TrialAssigned(session.Id, session.StudyId, trial.TrialId, trial.Prompt, trial.Task, position, left, right, false, null, now);
    }

    public static Guid GoldTrialId(GoldSource gold) => Common.StableId.From("gold", gold.VideoId);

    private static TrialAssigned Gold(ParticipantSession session, StudySettings settings, GoldSource gold, int position, Random random, DateTimeOffset now)
    {
        var clean = new TrialVideo(gold.VideoId, gold.Condition);
        var degraded = new TrialVideo(gold.VideoId, DegradedCondition);
        if (settings.Kind == StudyKind.Rating)
            return new TrialAssigned(session.Id, session.StudyId, GoldTrialId(gold), "", "", position, degraded, null, true, Choice.Failure, now);
        var cleanLeft = random.Next(2) == 0;
        return cleanLeft
            ? new TrialAssigned(session.Id, session.StudyId, GoldTrialId(gold), "", "", position, clean, degraded, true, Choice.Left, now)
            : new TrialAssigned(session.Id, session.StudyId, GoldTrialId(gold), "", "", position, degraded, clean, true, Choice.Right, now);
    }
}
