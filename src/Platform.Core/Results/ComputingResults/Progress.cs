namespace Platform.Results;

/// <summary>How far a running study is: judgments done of those wanted, and a naive estimate of the time left.</summary>
/// <param name="ByGoal">An adaptive study: what is wanted is what its goal is projected to still need, not k per trial.</param>
public sealed record StudyProgress(int Done, int Needed, TimeSpan? Remaining, bool ByGoal = false)
{
    public double Share => Needed == 0 ? 0 : Math.Min(1, (double)Done / Needed);

    /// <summary>How <see cref="Remaining"/> is estimated, for the people reading it (the dashboard's tooltip).</summary>
    public string Explain()
    {
        const string How = "the average time between the judgments recorded so far (gold included, imported ones not) " +
            "times the judgments still wanted; it assumes participants keep coming at the pace seen so far, so pauses and bursts move it.";
        var left = Math.Max(0, Needed - Done);
        return Remaining switch
        {
            _ when Needed == 0 => "No time left to estimate: the study has no trials yet (trials are made from ready videos).",
            null => $"Not estimated yet: it needs two recorded judgments to measure a pace. Then it is {How}",
            { TotalSeconds: < 1 } when ByGoal => $"Done: the study's goal is met ({Wording.Count(Done, "judgment")} in all).",
            { TotalSeconds: < 1 } => $"Done: every trial has the judgments it wants ({Wording.Count(Needed, "judgment")} in all).",
            _ when ByGoal => $"Estimated for the {Wording.Count(left, "judgment")} the goal is projected to still need (each open unit as it looks now): {How}",
            _ => $"Estimated for the {Wording.Count(left, "judgment")} still wanted: {How}",
        };
    }

    /// <summary>
    /// The time left if judgments keep arriving at the average pace seen so far. <paramref name="done"/> and
    /// <paramref name="needed"/> count the judgments that count (no gold, no imports); the pace is measured on what its
    /// timestamps cover, every judgment recorded here, gold included, and gold trials are assumed to keep coming in the
    /// same proportion. Null until two recorded judgments, one of them counted, give a pace; zero once enough are in.
    /// </summary>
    public static StudyProgress Estimate(int done, int needed, JudgmentPace pace, bool byGoal = false)
    {
        if (done >= needed) return new StudyProgress(done, needed, TimeSpan.Zero, byGoal);
        var counted = pace.Recorded - pace.Gold;
        if (pace.Recorded < 2 || counted < 1 || pace.First is not { } first || pace.Last is not { } last || last <= first)
            return new StudyProgress(done, needed, null, byGoal);
        var perRecorded = (last - first) / (pace.Recorded - 1);
        var perCounted = perRecorded * pace.Recorded / counted;
        return new StudyProgress(done, needed, perCounted * (needed - done), byGoal);
    }

    /// <summary>
    /// An adaptive study's progress: the judgments so far of those plus what its goal is projected to still need
    /// (<paramref name="projectedRemaining"/>; none once the goal is met).
    /// </summary>
    public static StudyProgress ByGoalEstimate(int done, long projectedRemaining, bool met, JudgmentPace pace) =>
        Estimate(done, met ? done : (int)Math.Min(int.MaxValue, done + Math.Max(0, projectedRemaining)), pace, byGoal: true);
}

/// <summary>
/// The judgments recorded here between <paramref name="First"/> and <paramref name="Last"/> (imports have no time of
/// their own and are not in it): all of them, and how many of those were gold trials.
/// </summary>
public sealed record JudgmentPace(int Recorded, int Gold, DateTimeOffset? First, DateTimeOffset? Last);
