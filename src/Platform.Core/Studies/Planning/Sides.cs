namespace Platform.Studies;

/// <summary>
/// Counterbalancing: which video of a pair goes on the left. Successive assignments of one trial alternate, and
/// successive trials of one condition pair start on alternate sides, so over a pair each condition is on the left
/// equally often (exactly, when a pair's trials are even in number or k is even).
/// </summary>
public static class Sides
{
    public static bool FirstOnLeft(int ordinalInPair, int assignmentOrdinal) => (ordinalInPair + assignmentOrdinal) % 2 == 0;

    public static (TrialVideo Left, TrialVideo? Right) Arrange(PlannedTrial trial, int assignmentOrdinal)
    {
        if (trial.Videos.Count == 1) return (trial.Videos[0], null);
        return FirstOnLeft(trial.OrdinalInPair, assignmentOrdinal)
            ? (trial.Videos[0], trial.Videos[1])
            : (trial.Videos[1], trial.Videos[0]);
    }
}
