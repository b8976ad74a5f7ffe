namespace Platform.Voting;

public static class KeyMap
{
    /// <summary>The choice a key names (as the player sends it), if the study's scale allows it.</summary>
    public static Choice? ChoiceFor(string key, IReadOnlyList<Choice> allowed) =>
        Enum.TryParse<Choice>(key, ignoreCase: true, out var choice) && allowed.Contains(choice) ? choice : null;

    public static string Label(Choice choice, bool pairwise) => choice switch
    {
        Choice.Left => pairwise ? "Left is better" : "Left",
        Choice.Same => "About the same",
        Choice.Right => pairwise ? "Right is better" : "Right",
        Choice.Success => "Success",
        Choice.Failure => "Failure",
        _ => choice.ToString(),
    };

    public static string Hint(Choice choice) => choice switch
    {
        Choice.Left => "← or 1",
        Choice.Same => "↓ or 2",
        Choice.Right => "→ or 3",
        Choice.Success => "S",
        Choice.Failure => "F",
        _ => string.Empty,
    };
}
