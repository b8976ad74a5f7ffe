using Platform.Common;
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

    /// <summary>A choice as the API writes it: "left", "same", "right", "success", "failure".</summary>
    public static string Name(Choice choice) => choice.ToString().ToLowerInvariant();

    /// <summary>The choice an API name stands for (any case); null for anything else, numbers included.</summary>
    public static Choice? Parse(string? name)
    {
        foreach (var choice in Enum.GetValues<Choice>())
        {
            if (string.Equals(Name(choice), name?.Trim(), StringComparison.OrdinalIgnoreCase)) return choice;
        }
        return null;
    }

    /// <summary>The refusal (422) of an answer the study's scale does not allow, naming the ones it does.</summary>
    public static DomainException NotAllowed(string? name, StudySettings settings) => new(
        $"'{name}' is not an answer on this study's scale; use {string.Join(", ", Allowed(settings).Select(Name))}.",
        DomainError.Unprocessable);
}
