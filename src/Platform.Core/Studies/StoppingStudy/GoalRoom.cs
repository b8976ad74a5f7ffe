namespace Platform.Studies;

/// <summary>
/// What a running study's trials can still take. An adaptive study's k caps each trial, so a unit can collect at most
/// its trials × k judgments: its projection is no larger than that, and a goal whose open units have no room left is
/// stalled — no newcomer can be given a trial, and it cannot be met until k is raised or prompts are added.
/// </summary>
public static class GoalRoom
{
    /// <summary>Each unit's room: the sum over its trials of k less the judgments each has (never below 0; a trial judged more before k was lowered has none).</summary>
    public static IReadOnlyDictionary<string, long> PerUnit(IEnumerable<(string Unit, int Judged)> trials, int judgmentsPerTrial)
    {
        var room = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (unit, judged) in trials) room[unit] = room.GetValueOrDefault(unit) + Math.Max(0, judgmentsPerTrial - judged);
        return room;
    }

    /// <summary>The status with each open unit's projection at most its room, and whether the goal is stalled (not met, every open unit out of room).</summary>
    public static (GoalStatus Status, bool Stalled) Within(GoalStatus status, IReadOnlyDictionary<string, long> room)
    {
        var units = status.Units.Select(u => u.IsOpen ? u with { Remaining = Math.Min(u.Remaining, room.GetValueOrDefault(u.Unit)) } : u).ToList();
        var stalled = !status.Met && units.Where(u => u.IsOpen).All(u => room.GetValueOrDefault(u.Unit) == 0);
        return (status with { Units = units, ProjectedRemaining = units.Sum(u => u.Remaining) }, stalled);
    }
}
