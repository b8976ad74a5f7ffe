using System.Globalization;
using System.Text;
using CsvHelper;

namespace Platform.Testing;

/// <summary>
/// Judgment files to import, for a study made with <see cref="StudyBuilder"/>'s two conditions; and the study's
/// export (judgments.csv) read back.
/// </summary>
public static class JudgmentCsv
{
    public const string Header = "participant,prompt,task,left,right,choice";

    /// <summary>Posts a judgment file to a study's import, as a text/csv body.</summary>
    public static Task<HttpResponseMessage> ImportJudgmentsAsync(this HttpClient researcher, Guid studyId, string csv) =>
        researcher.PostAsync($"/api/studies/{studyId}/judgments/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

    /// <summary>Table 9 of the paper: 10 Good, 27 Same, 1 Bad of 38, the conditions on either side, five workers.</summary>
    public static string Table9(string task = "dance")
    {
        var csv = new StringBuilder(Header + "\n");
        for (var i = 0; i < 38; i++)
        {
            var (left, right, choice) = i switch
            {
                < 6 => ("ours-simdrop", "base-model", "left"),
                < 10 => ("base-model", "ours-simdrop", "right"),
                < 37 => i % 2 == 0 ? ("ours-simdrop", "base-model", "same") : ("base-model", "ours-simdrop", "same"),
                _ => ("ours-simdrop", "base-model", "right"),
            };
            csv.Append(CultureInfo.InvariantCulture, $"worker-{i % 5},\"a dancer spins, take {i / 5}\",{task},{left},{right},{choice}\n");
        }
        return csv.ToString();
    }

    /// <summary>One row of a study's judgments.csv: whose answer, which choice, and the decision time sent with it.</summary>
    public sealed record Exported(string Participant, string Choice, int DecisionMs, int? ClientDecisionMs);

    /// <summary>Reads the rows of a study's judgments.csv (/api/studies/{id}/judgments.csv).</summary>
    public static IReadOnlyList<Exported> ReadExport(string csv)
    {
        using var reader = new CsvReader(new StringReader(csv), CultureInfo.InvariantCulture);
        reader.Read();
        reader.ReadHeader();
        var rows = new List<Exported>();
        while (reader.Read())
            rows.Add(new Exported(reader.GetField("participant")!, reader.GetField("choice")!, reader.GetField<int>("decision_ms"), reader.GetField<int?>("client_decision_ms")));
        return rows;
    }
}
