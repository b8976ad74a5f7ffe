using System.Globalization;
using System.Text;
using Platform.Studies;

namespace Platform.Results;

/// <summary>
/// LaTeX tables in the paper's style (booktabs): success rates per condition and task (tables 3 and 5), or
/// Good / Same / Bad against the baseline with G−B (table 9) and the ranking. Percentages, each with its 95 % interval.
/// </summary>
public static class ResultsTex
{
    public static string Write(StudyResults results, StudySettings settings)
    {
        var tex = new StringBuilder();
        var who = results.ExclusionsApplied ? $"after exclusions ({results.ExcludedParticipants} participants excluded)" : "all participants";
        var task = results.Task is null ? "" : $", task {Escape(results.Task)}";
        tex.AppendLine(Invariant($"% {Escape(settings.Title)}: event version {results.EventVersion}, {results.Judgments} judgments, {who}{task}."));
        tex.AppendLine("% Percentages with 95 % Wilson intervals in brackets. Needs \\usepackage{booktabs}.");
        if (settings.Kind == StudyKind.Rating) Success(tex, results, settings);
        else
        {
            Pairwise(tex, results, settings);
            Ranking(tex, results, settings);
        }
        return tex.ToString();
    }

    private static void Success(StringBuilder tex, StudyResults results, StudySettings settings)
    {
        // One column per task, then "All"; under a task filter just that task's ("--" while it has no answers).
        var tasks = results.Success.Where(s => s.Task is not null).Select(s => s.Task!).Distinct().ToList();
        List<string?> columns = results.Task is null ? [.. tasks, null] : [results.Task];
        Begin(tex, "Success rate (\\%) per condition and task.", 1 + columns.Count);
        tex.AppendLine("Condition & " + string.Join(" & ", columns.Select(t => t is null ? "All" : Escape(t))) + " \\\\");
        tex.AppendLine("\\midrule");
        foreach (var condition in settings.Conditions)
        {
            var cells = columns.Select(t =>
                results.Success.FirstOrDefault(s => s.Condition == condition.Key && s.Task == t) is { } row
                    ? Cell(row.Rate, row.Low, row.High) : "--");
            tex.AppendLine(Escape(condition.Label) + " & " + string.Join(" & ", cells) + " \\\\");
        }
        End(tex);
    }

    private static void Pairwise(StringBuilder tex, StudyResults results, StudySettings settings)
    {
        Begin(tex, "Pairwise preferences (\\%): Good = the first condition preferred, Bad = the second preferred.", 6);
        tex.AppendLine("Comparison & $n$ & Good & Same & Bad & G$-$B \\\\");
        tex.AppendLine("\\midrule");
        foreach (var p in results.Pairwise.Where(p => p.Task == results.Task))
        {
            tex.AppendLine(Invariant($"{Label(settings, p.ConditionA)} vs.\\ {Label(settings, p.ConditionB)} & {p.N} & ") +
                $"{Cell(p.Good)} & {Cell(p.SameShare)} & {Cell(p.Bad)} & {Percent(p.GoodMinusBad)} \\\\");
        }
        End(tex);
    }

    private static void Ranking(StringBuilder tex, StudyResults results, StudySettings settings)
    {
        Begin(tex, "Bradley--Terry ranking on the Elo scale with 95 \\% bootstrap intervals.", 4);
        tex.AppendLine("Rank & Condition & Rating & 95 \\% interval \\\\");
        tex.AppendLine("\\midrule");
        foreach (var r in results.Ranking)
            tex.AppendLine(Invariant($"{r.Rank} & {Label(settings, r.Condition)} & {r.Rating:0} & [{r.Low:0}, {r.High:0}] \\\\"));
        End(tex);
    }

    private static void Begin(StringBuilder tex, string caption, int columns)
    {
        tex.AppendLine("\\begin{table}[t]").AppendLine("\\centering").AppendLine("\\caption{" + caption + "}");
        tex.AppendLine("\\begin{tabular}{l" + new string('c', columns - 1) + "}").AppendLine("\\toprule");
    }

    private static void End(StringBuilder tex) =>
        tex.AppendLine("\\bottomrule").AppendLine("\\end{tabular}").AppendLine("\\end{table}");

    private static string Label(StudySettings settings, string key) =>
        Escape(settings.Conditions.FirstOrDefault(c => c.Key == key)?.Label ?? key);

    private static string Cell(Proportion p) => Cell(p.Rate, p.Low, p.High);

    private static string Cell(double rate, double low, double high) =>
        $"{Percent(rate)} {{\\scriptsize [{Percent(low)}, {Percent(high)}]}}";

    private static string Percent(double fraction) => (fraction * 100).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Escapes LaTeX's special characters in text a researcher typed.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\\' => "\\textbackslash{}",
                '&' or '%' or '$' or '#' or '_' or '{' or '}' => "\\" + c,
                '~' => "\\textasciitilde{}",
                '^' => "\\textasciicircum{}",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }
}
