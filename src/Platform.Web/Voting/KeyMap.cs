using Platform.Voting;

namespace Platform.Web.Voting;

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

    /// <summary>The label on a narrow screen, where the left video is shown on top of the right one.</summary>
    public static string StackedLabel(Choice choice, bool pairwise) => choice switch
    {
        Choice.Left => pairwise ? "Top is better" : "Top",
        Choice.Right => pairwise ? "Bottom is better" : "Bottom",
        _ => Label(choice, pairwise),
    };

    /// <summary>A video's caption side by side (Left, Right) and stacked (Top, Bottom).</summary>
    public static (string SideBySide, string Stacked) Caption(string position) =>
        position == "left" ? ("Left", "Top") : ("Right", "Bottom");

    public static string Hint(Choice choice) => choice switch
    {
        Choice.Left => "← or 1",
        Choice.Same => "↓ or 2",
        Choice.Right => "→ or 3",
        Choice.Success => "S",
        Choice.Failure => "F",
        _ => string.Empty,
    };

    /// <summary>The same keys as <see cref="Hint"/>, in the aria-keyshortcuts syntax.</summary>
    public static string Shortcuts(Choice choice) => choice switch
    {
        Choice.Left => "ArrowLeft 1",
        Choice.Same => "ArrowDown 2",
        Choice.Right => "ArrowRight 3",
        Choice.Success => "S",
        Choice.Failure => "F",
        _ => string.Empty,
    };
}
