namespace Platform.Results;

/// <summary>
/// The places a condition can take when the ranking is read from 95 % intervals (as Chatbot Arena reads its
/// leaderboard): <see cref="Best"/> is 1 + the conditions whose interval lies wholly above this one's (its rank by
/// upper bound), <see cref="Worst"/> is the number of conditions whose interval does not lie wholly below it. Three
/// conditions whose intervals overlap each get 1–3; a condition that beats every other for certain gets 1.
/// </summary>
public readonly record struct RankRange(int Best, int Worst)
{
    /// <summary>The range of each interval among all of them, in the order given.</summary>
    public static RankRange[] Of(IReadOnlyList<(double Low, double High)> intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        var ranges = new RankRange[intervals.Count];
        for (var i = 0; i < intervals.Count; i++)
        {
            int above = 0, below = 0;
            for (var other = 0; other < intervals.Count; other++)
            {
                if (other == i) continue;
                if (intervals[other].Low > intervals[i].High) above++;
                if (intervals[other].High < intervals[i].Low) below++;
            }
            ranges[i] = new RankRange(1 + above, intervals.Count - below);
        }
        return ranges;
    }

    /// <summary>"2" when the place is certain, else "1–3" (an en dash).</summary>
    public override string ToString() => Best == Worst ? $"{Best}" : $"{Best}–{Worst}";
}
