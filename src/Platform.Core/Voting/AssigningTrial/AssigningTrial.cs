using Platform.Studies;

namespace Platform.Voting;

/// <param name="Live">Judgments plus unexpired assignments: what counts against k.</param>
/// <param name="LeftConditions">The condition shown on the left in each of those, for counterbalancing.</param>
public sealed record TrialLoad(int Live, IReadOnlyList<string>? LeftConditions = null);

/// <summary>A ready video that can make a gold trial: the clean file against its frozen-frame copy (pairwise), or its corrupted copy alone (rating).</summary>
public sealed record GoldSource(Guid VideoId, string Condition);

/// <summary>What an adaptive study's assignment needs from its tallies: the weights of its open units, and the floor per trial.</summary>
public sealed record AdaptiveState(IReadOnlyDictionary<string, double> OpenWeights, int Floor);

public static class AssigningTrial
{
    /// <summary>Stands for the frozen-frame copy in a pairwise gold trial.</summary>
    public const string DegradedCondition = "gold:degraded";

    /// <summary>
    /// Stands for the heavily corrupted copy in a rating gold trial. A frozen frame could honestly pass a criterion such as
    /// "the body stays anatomically plausible"; scrambled, noisy, inverted pictures fail any criterion.
    /// </summary>
    public const string CorruptedCondition = "gold:corrupted";

    /// <summary>
    /// The next trial for a session: a gold trial at the gold positions, otherwise among the planned trials the
    /// participant has not seen that still have room under k the least-judged (ties broken at random), or in an adaptive
    /// study the one <see cref="ActiveSampling.Choose"/> picks. Null when there is none.
    /// </summary>
    /// <param name="full">Trials found full when their slot was claimed, though the loads (read a moment earlier) had room.</param>
    /// <param name="adaptive">An adaptive study's open units and their weights (<see cref="ActiveSampling"/>): only their trials are handed out, k caps them.</param>
    public static TrialAssigned? Next(
        ParticipantSession session, StudySettings settings, IReadOnlyList<PlannedTrial> plan,
        IReadOnlyDictionary<Guid, TrialLoad> loads, IReadOnlyList<GoldSource> golds, Random random, DateTimeOffset now,
        IReadOnlySet<Guid>? full = null, AdaptiveState? adaptive = null)
    {
        var position = session.Judgments.Count;
        if (session.Completed || position >= settings.TrialsPerParticipant) return null;

        if (GoldSchedule.IsGoldPosition(position, settings.TrialsPerParticipant, settings.GoldRate))
        {
            var gold = golds.Where(g => !session.SeenTrials.Contains(GoldTrialId(g))).OrderBy(_ => random.Next()).FirstOrDefault();
            if (gold is not null) return Gold(session, settings, gold, position, random, now);
        }

        var candidates = plan
            .Where(t => !session.SeenTrials.Contains(t.TrialId) && full?.Contains(t.TrialId) != true)
            .Select(t => (Trial: t, Load: loads.GetValueOrDefault(t.TrialId, new TrialLoad(0))))
            .Where(c => c.Load.Live < settings.JudgmentsPerTrial)
            .ToList();
        var chosen = ActiveSampling.Choose(
            [.. candidates.Select((c, i) => new Candidate(i, GoalUnits.UnitOf(c.Trial), c.Load.Live))], adaptive?.OpenWeights, adaptive?.Floor ?? 0, random);
        if (chosen < 0) return null;
        var (trial, load) = candidates[chosen];
        var leftsInPair = plan.Where(t => Sides.SamePair(t, trial)).SelectMany(t => loads.GetValueOrDefault(t.TrialId)?.LeftConditions ?? []).ToList();
        var (left, right) = Sides.Arrange(trial, load.LeftConditions ?? [], leftsInPair, coin: random.Next(2) == 0);
        return new TrialAssigned(session.Id, session.StudyId, trial.TrialId, trial.Prompt, trial.Task, position, left, right, false, null, now);
    }

    public static Guid GoldTrialId(GoldSource gold) => Common.StableId.From("gold", gold.VideoId);

    /// <summary>The ready videos that can make this study's gold trials: a rating gold needs the corrupted copy, which videos processed before it existed lack.</summary>
    public static IReadOnlyList<GoldSource> GoldSources(StudySettings settings, IEnumerable<CandidateVideo> ready) =>
        [.. ready.Where(v => settings.Kind == StudyKind.Rating ? v.CorruptedMediaId is not null : v.DegradedMediaId is not null)
            .Select(v => new GoldSource(v.Id, v.Condition))];

    private static TrialAssigned Gold(ParticipantSession session, StudySettings settings, GoldSource gold, int position, Random random, DateTimeOffset now)
    {
        if (settings.Kind == StudyKind.Rating)
        {
            var corrupted = new TrialVideo(gold.VideoId, CorruptedCondition);
            return new TrialAssigned(session.Id, session.StudyId, GoldTrialId(gold), "", "", position, corrupted, null, true, Choice.Failure, now);
        }
        var clean = new TrialVideo(gold.VideoId, gold.Condition);
        var degraded = new TrialVideo(gold.VideoId, DegradedCondition);
        var cleanLeft = random.Next(2) == 0;
        return cleanLeft
            ? new TrialAssigned(session.Id, session.StudyId, GoldTrialId(gold), "", "", position, clean, degraded, true, Choice.Left, now)
            : new TrialAssigned(session.Id, session.StudyId, GoldTrialId(gold), "", "", position, degraded, clean, true, Choice.Right, now);
    }
}
