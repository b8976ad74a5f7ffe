namespace Platform.Results;

/// <summary>How far a running study is: judgments done of those wanted, and a naive estimate of the time left.</summary>
public sealed record StudyProgress(int Done, int Needed, TimeSpan? Remaining)
{
    public double Share => Needed == 0 ? 0 : Math.Min(1, (double)Done / Needed);

    /// <summary>
    /// The time left if judgments keep arriving at the average rate seen so far (between the first and the last one);
    /// null until two judgments give a rate, and zero once enough are in.
    /// </summary>
    public static StudyProgress Estimate(int done, int needed, DateTimeOffset? first, DateTimeOffset? last)
    {
        if (done >= needed) return new StudyProgress(done, needed, TimeSpan.Zero);
        if (done < 2 || first is null || last is null || last <= first) return new StudyProgress(done, needed, null);
        var perJudgment = (last.Value - first.Value) / (done - 1);
        return new StudyProgress(done, needed, perJudgment * (needed - done));
    }
}
