using Platform.Studies;

namespace Platform.Voting;

/// <summary>
/// What a researcher walks through before (or while) participants do: one participant's sequence of trials, gold
/// trials at their positions, as if nobody else had judged anything. Made in memory; nothing is stored.
/// </summary>
public static class StudyPreview
{
    /// <summary>
    /// The trials a participant could be given, in order; when the study has gold sources but this participant's
    /// share rounds to none, one gold trial is added at the end, so every kind of trial can be seen.
    /// </summary>
    public static IReadOnlyList<TrialAssigned> Trials(Guid studyId, StudySettings settings, IReadOnlyList<PlannedTrial> plan, IReadOnlyList<GoldSource> golds,
        Random random, DateTimeOffset now)
    {
        var session = ParticipantSession.Create(new SessionStarted(Guid.Empty, studyId, "preview", "preview", null, null, string.Empty, now));
        var nobody = new Dictionary<Guid, TrialLoad>();
        var trials = new List<TrialAssigned>();
        while (AssigningTrial.Next(session, settings, plan, nobody, golds, random, now) is { } trial)
        {
            trials.Add(trial);
            session.Apply(trial);
            session.Apply(Answer(trial, settings, now));
        }
        if (golds.Count > 0 && settings.GoldRate > 0 && !trials.Any(t => t.IsGold))
        {
            var everyPositionGold = settings with { TrialsPerParticipant = trials.Count + 1, GoldRate = 1 };
            if (AssigningTrial.Next(session, everyPositionGold, plan, nobody, golds, random, now) is { IsGold: true } gold) trials.Add(gold);
        }
        return trials;
    }

    private static JudgmentRecorded Answer(TrialAssigned trial, StudySettings settings, DateTimeOffset now) =>
        new(trial.SessionId, trial.StudyId, trial.TrialId, trial.Prompt, trial.Task, trial.Left.Condition, trial.Right?.Condition,
            trial.CorrectChoice ?? Choices.Allowed(settings)[0], 0, trial.IsGold, trial.IsGold ? true : null, "preview", now);
}
