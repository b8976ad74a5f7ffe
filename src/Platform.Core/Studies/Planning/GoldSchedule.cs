namespace Platform.Studies;

/// <summary>
/// Where a participant meets gold (attention) trials: round(T × rate) of their T trials, spread evenly
/// (the i-th at position ⌊(i + ½)·T / G⌋), so they cannot be spotted by position.
/// </summary>
public static class GoldSchedule
{
    public static int Count(int trialsPerParticipant, double rate) =>
        Math.Min(trialsPerParticipant, (int)Math.Round(trialsPerParticipant * rate, MidpointRounding.AwayFromZero));

    public static bool IsGoldPosition(int position, int trialsPerParticipant, double rate)
    {
        var gold = Count(trialsPerParticipant, rate);
        for (var i = 0; i < gold; i++)
        {
            if ((int)((i + 0.5) * trialsPerParticipant / gold) == position) return true;
        }
        return false;
    }
}
