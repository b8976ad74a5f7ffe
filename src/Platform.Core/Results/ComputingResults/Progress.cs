namespace Platform.Results;

/// <summary>Where an adaptive study stands, for its progress: what it wants is what its goal is projected to still need, not k per trial.</summary>
public enum GoalProgress
{
    /// <summary>Taking judgments toward its goal.</summary>
    Running,

    /// <summary>Open, but every trial of its open units has had k judgments: nobody can be given a trial.</summary>
    Stalled,

    /// <summary>Closed by its goal: every unit stopped (met, decided, or out of budget).</summary>
    Stopped,

    /// <summary>Closed by its researchers before its goal stopped it.</summary>
    Closed,
}

/// <summary>How far a running study is: judgments done of those wanted, and a naive estimate of the time left.</summary>
/// <param name="Goal">An adaptive study's standing (<see cref="GoalProgress"/>); null for a fixed-k study.</param>
public sealed record StudyProgress(int Done, int Needed, TimeSpan? Remaining, GoalProgress? Goal = null)
{
    public double Share => Needed == 0 ? 0 : Math.Min(1, (double)Done / Needed);

    /// <summary>How <see cref="Remaining"/> is estimated, for the people reading it (the dashboard's tooltip).</summary>
    public string Explain()
    {
        const string How = "the average time between the judgments recorded so far (gold included, imported ones not) " +
            "times the judgments still wanted; it assumes participants keep coming at the pace seen so far, so pauses and bursts move it.";
        var left = Math.Max(0, Needed - Done);
        return (Goal, Remaining) switch
        {
            (GoalProgress.Stalled, _) => "Stalled: every trial of the goal's units still open has had its k judgments, so nobody can be given a trial. Raise k, or close the study.",
            (GoalProgress.Stopped, _) => $"Done: the study's goal stopped it ({Wording.Count(Done, "judgment")} in all).",
            (GoalProgress.Closed, _) => $"Closed by its researchers before its goal stopped it ({Wording.Count(Done, "judgment")} in all).",
            _ when Needed == 0 => "No time left to estimate: the study has no trials yet (trials are made from ready videos).",
            (_, null) => $"Not estimated yet: it needs two recorded judgments to measure a pace. Then it is {How}",
            (_, { TotalSeconds: < 1 }) => $"Done: every trial has the judgments it wants ({Wording.Count(Needed, "judgment")} in all).",
            (GoalProgress.Running, _) => $"Estimated for the {Wording.Count(left, "judgment")} the goal is projected to still need (each open unit as it looks now): {How}",
            _ => $"Estimated for the {Wording.Count(left, "judgment")} still wanted: {How}",
        };
    }

    /// <summary>
    /// The time left if judgments keep arriving at the average pace seen so far. <paramref name="done"/> and
    /// <paramref name="needed"/> count the judgments that count (no gold, no imports); the pace is measured on what its
    /// timestamps cover, every judgment recorded here, gold included, and gold trials are assumed to keep coming in the
    /// same proportion. Null until two recorded judgments, one of them counted, give a pace; zero once enough are in.
    /// </summary>
    public static StudyProgress Estimate(int done, int needed, JudgmentPace pace)
    {
        if (done >= needed) return new StudyProgress(done, needed, TimeSpan.Zero);
        var counted = pace.Recorded - pace.Gold;
        if (pace.Recorded < 2 || counted < 1 || pace.First is not { } first || pace.Last is not { } last || last <= first)
            return new StudyProgress(done, needed, null);
        var perRecorded = (last - first) / (pace.Recorded - 1);
        var perCounted = perRecorded * pace.Recorded / counted;
        return new StudyProgress(done, needed, perCounted * (needed - done));
    }

    /// <summary>
    /// An adaptive study's progress: while it runs, the judgments so far of those plus what its goal is projected to
    /// still need (<paramref name="projectedRemaining"/>); stalled, no time left to estimate; closed, nothing more wanted.
    /// </summary>
    public static StudyProgress ByGoalEstimate(int done, long projectedRemaining, GoalProgress goal, JudgmentPace pace) => goal switch
    {
        GoalProgress.Running => Estimate(done, (int)Math.Min(int.MaxValue, done + Math.Max(0, projectedRemaining)), pace) with { Goal = goal },
        GoalProgress.Stalled => new StudyProgress(done, done, null, goal),
        _ => new StudyProgress(done, done, TimeSpan.Zero, goal),
    };
}

/// <summary>
/// The judgments recorded here between <paramref name="First"/> and <paramref name="Last"/> (imports have no time of
/// their own and are not in it): all of them, and how many of those were gold trials.
/// </summary>
public sealed record JudgmentPace(int Recorded, int Gold, DateTimeOffset? First, DateTimeOffset? Last);
