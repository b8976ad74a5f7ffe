using System.Globalization;
using System.Text;
using Platform.Results;
using Platform.Studies;

namespace Platform.Web.Results;

/// <summary>
/// LaTeX tables in the paper's style (booktabs): success rates per condition and task (tables 3 and 5), or
/// Good / Same / Bad against the baseline with G−B (table 9) and the ranking. Percentages, each with its 95 % interval.
/// </summary>
public static class ResultsTex
{
    /// <param name="stoppedBy">Why an adaptive study stopped, said in a comment (its methods section needs the rule and the time).</param>
    public static string Write(StudyResults results, StudySettings settings, MetricTable? metrics = null, StudyGoalMet? stoppedBy = null)
    {
        var tex = new StringBuilder();
        tex.AppendLine(Invariant($"% {Escape(settings.Title)}: event version {results.EventVersion}."));
        tex.AppendLine("% " + Escape(Wording.Basis(results)) + ".");
        if (stoppedBy is not null)
            tex.AppendLine(Invariant($"% Adaptive study, stopped by its goal ({Escape(stoppedBy.Rule)}) at {stoppedBy.At.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC after {stoppedBy.Judgments} judgments: {Escape(stoppedBy.Outcome)}."));
        tex.AppendLine("% Percentages with 95 % Wilson intervals in brackets. Needs \\usepackage{booktabs}.");
        if (settings.Kind == StudyKind.Rating) Success(tex, results, settings);
        else
        {
            Pairwise(tex, results, settings);
            Ranking(tex, results, settings);
        }
        if (metrics is not null) MetricsTex.Write(tex, settings, metrics);
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
        Begin(tex, "Bradley--Terry ranking on the Elo scale with 95 \\% bootstrap intervals. " +
            "Rank: the places the intervals allow; 1--3 means anywhere from first to third, as the intervals overlap.", 4);
        tex.AppendLine("Rank & Condition & Rating & 95 \\% interval \\\\");
        tex.AppendLine("\\midrule");
        foreach (var r in results.Ranking)
        {
            var places = r.Rank == r.WorstRank ? Invariant($"{r.Rank}") : Invariant($"{r.Rank}--{r.WorstRank}");
            tex.AppendLine(Invariant($"{places} & {Label(settings, r.Condition)} & {r.Rating:0} & [{r.Low:0}, {r.High:0}] \\\\"));
        }
        End(tex);
    }

    internal static void Begin(StringBuilder tex, string caption, int columns)
    {
        tex.AppendLine("\\begin{table}[t]").AppendLine("\\centering").AppendLine("\\caption{" + caption + "}");
        tex.AppendLine("\\begin{tabular}{l" + new string('c', columns - 1) + "}").AppendLine("\\toprule");
    }

    internal static void End(StringBuilder tex) =>
        tex.AppendLine("\\bottomrule").AppendLine("\\end{tabular}").AppendLine("\\end{table}");

    private static string Label(StudySettings settings, string key) =>
        Escape(settings.Conditions.FirstOrDefault(c => c.Key == key)?.Label ?? key);

    private static string Cell(Proportion p) => Cell(p.Rate, p.Low, p.High);

    private static string Cell(double rate, double low, double high) =>
        $"{Percent(rate)} {{\\scriptsize [{Percent(low)}, {Percent(high)}]}}";

    internal static string Percent(double fraction) => (fraction * 100).ToString("0.00", CultureInfo.InvariantCulture);

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Escapes text a researcher typed (titles, labels, condition keys such as <c>simdrop_0.1</c>, tasks) so LaTeX
    /// prints it as written: its special characters, the characters OT1 fonts print as others (&lt; &gt; |), and a
    /// hyphen before another, which would join into a dash.
    /// </summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            escaped.Append(c switch
            {
                '\\' => "\\textbackslash{}",
                '&' or '%' or '$' or '#' or '_' or '{' or '}' => "\\" + c,
                '~' => "\\textasciitilde{}",
                '^' => "\\textasciicircum{}",
                '<' => "\\textless{}",
                '>' => "\\textgreater{}",
                '|' => "\\textbar{}",
                '-' when i + 1 < text.Length && text[i + 1] == '-' => "-{}",
                // A line break would end a comment line and let the rest run as LaTeX.
                '\r' or '\n' => " ",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }
}
