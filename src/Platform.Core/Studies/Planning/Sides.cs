namespace Platform.Studies;

/// <summary>
/// Counterbalanced, randomised sides: which video of a pair goes on the left. A trial goes the way shown less often so
/// far, first among its own assignments, then among its condition pair's; only when both are even does a coin decide.
/// So each trial, and each condition pair, shows either condition on the left equally often, give or take one.
/// </summary>
public static class Sides
{
    /// <param name="leftsInTrial">The condition on the left in each assignment of this trial that counts (answered or still live).</param>
    /// <param name="leftsInPair">The same over every trial of its condition pair, this one included.</param>
    /// <param name="coin">The random side for a tie: true puts the pair's first condition on the left.</param>
    public static (TrialVideo Left, TrialVideo? Right) Arrange(PlannedTrial trial, IReadOnlyCollection<string> leftsInTrial, IReadOnlyCollection<string> leftsInPair, bool coin)
    {
        if (trial.Videos.Count == 1) return (trial.Videos[0], null);
        var (first, second) = (trial.Videos[0], trial.Videos[1]);
        var firstOnLeft = FirstOnLeft(Lead(leftsInTrial, first, second), Lead(leftsInPair, first, second), coin);
        return firstOnLeft ? (first, second) : (second, first);
    }

    /// <param name="leadInTrial">How many more times the first condition was on the left than the second, in the trial.</param>
    /// <param name="leadInPair">The same over the condition pair.</param>
    public static bool FirstOnLeft(int leadInTrial, int leadInPair, bool coin) =>
        leadInTrial != 0 ? leadInTrial < 0
        : leadInPair != 0 ? leadInPair < 0
        : coin;

    /// <summary>Whether two trials compare the same two conditions.</summary>
    public static bool SamePair(PlannedTrial a, PlannedTrial b) =>
        a.Videos.Count == 2 && b.Videos.Count == 2 && a.Videos[0].Condition == b.Videos[0].Condition && a.Videos[1].Condition == b.Videos[1].Condition;

    private static int Lead(IEnumerable<string> lefts, TrialVideo first, TrialVideo second) =>
        lefts.Sum(c => c == first.Condition ? 1 : c == second.Condition ? -1 : 0);
}
