using Platform.Studies;

namespace Platform.Voting;

public enum Choice
{
    Left,
    Same,
    Right,
    Success,
    Failure,
}

public static class Choices
{
    /// <summary>The answers a study's scale allows, in the order the buttons show them.</summary>
    public static IReadOnlyList<Choice> Allowed(StudySettings settings) => settings.Kind switch
    {
        StudyKind.Rating => [Choice.Success, Choice.Failure],
        _ when settings.Scale == PairwiseScale.TwoWay => [Choice.Left, Choice.Right],
        _ => [Choice.Left, Choice.Same, Choice.Right],
    };
}
