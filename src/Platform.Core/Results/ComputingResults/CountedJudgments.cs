using Platform.Studies;
using Platform.Voting;

namespace Platform.Results;

/// <summary>
/// The judgments that count, reduced to condition indexes in the order the conditions are canonically compared: in
/// a pair, B is the baseline when the study has one, otherwise the condition that comes later in the study's order.
/// </summary>
internal sealed class CountedJudgments
{
    public CountedJudgments(StudySettings settings, IEnumerable<Judgment> judgments)
    {
        Conditions = [.. settings.Conditions.Select(c => c.Key)];
        Tasks = [.. settings.Tasks];
        var conditionIndex = Conditions.Select((key, i) => (key, i)).ToDictionary(p => p.key, p => p.i, StringComparer.Ordinal);
        var taskIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var t = 0; t < Tasks.Count; t++) taskIndex[Tasks[t]] = t;
        var baseline = settings.Conditions.FirstOrDefault(c => c.IsBaseline)?.Key;

        var pairwise = settings.Kind == StudyKind.Pairwise;
        foreach (var j in judgments)
        {
            // Only answers of the study's own shape and conditions count: a pair in a pairwise study, a rating otherwise.
            if (!conditionIndex.TryGetValue(j.Left, out var left) || (j.Right is not null) != pairwise) continue;
            var right = -1;
            if (j.Right is not null && !conditionIndex.TryGetValue(j.Right, out right)) continue;
            var rated = j.Choice is Choice.Success or Choice.Failure;
            if (rated == pairwise) continue;
            // A study without tasks has answers without one: they count over all tasks only.
            var task = -1;
            if (j.Task.Length > 0 && !taskIndex.TryGetValue(j.Task, out task))
            {
                task = taskIndex[j.Task] = Tasks.Count;
                Tasks.Add(j.Task);
            }
            Items.Add(right < 0
                ? new Item(left, -1, task, j.Choice == Choice.Success ? Outcome.Success : Outcome.Failure, Side.None, j.Unit)
                : Pair(left, right, task, j, baseline));
        }
    }

    public List<string> Conditions { get; }

    /// <summary>The study's tasks in its order, then any others the judgments name.</summary>
    public List<string> Tasks { get; }

    public List<Item> Items { get; } = [];

    private Item Pair(int left, int right, int task, Judgment j, string? baseline)
    {
        var leftIsA = PairOrder.LeftIsA(left, right, Conditions[left] == baseline, Conditions[right] == baseline);
        var (a, b) = leftIsA ? (left, right) : (right, left);
        var outcome = j.Choice switch
        {
            Choice.Same => Outcome.Same,
            Choice.Left => leftIsA ? Outcome.A : Outcome.B,
            _ => leftIsA ? Outcome.B : Outcome.A,
        };
        var side = j.Choice switch { Choice.Left => Side.Left, Choice.Right => Side.Right, _ => Side.None };
        return new Item(a, b, task, outcome, side, j.Unit);
    }

    /// <param name="B">-1 for a rating.</param>
    /// <param name="Task">-1 for an answer without a task.</param>
    internal readonly record struct Item(int A, int B, int Task, Outcome Outcome, Side Winner, string Unit);

    internal enum Outcome : byte { A, Same, B, Success, Failure }

    internal enum Side : byte { None, Left, Right }
}
