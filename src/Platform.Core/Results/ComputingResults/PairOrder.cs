namespace Platform.Results;

/// <summary>
/// Which condition of a pair is A (Good = A preferred) and which is B, the same in every table and export: B is the
/// baseline when the pair has it, otherwise the condition that comes later in the study's order of conditions.
/// </summary>
public static class PairOrder
{
    /// <param name="left">The left condition's place in the study's order.</param>
    /// <param name="right">The right condition's place in the study's order.</param>
    public static bool LeftIsA(int left, int right, bool leftIsBaseline, bool rightIsBaseline) =>
        rightIsBaseline || (!leftIsBaseline && left <= right);
}
