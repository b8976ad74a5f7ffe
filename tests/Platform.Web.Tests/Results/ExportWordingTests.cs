using System.Text.Json;
using Platform.Results;
using Platform.Studies;
using Platform.Testing;
using Platform.Voting;
using Platform.Web.Results;

namespace Platform.Tests.Results;

/// <summary>What the exports say, written without a database: rank ranges, counts, singular and plural, condition keys as written.</summary>
public sealed class ExportWordingTests
{
    // Keys as the coming key rule allows them: dots, capitals, hyphens and underscores.
    private static readonly StudySettings Settings = new StudyBuilder
    {
        Conditions =
        [
            new Condition("base_model", "base_model", true, new Dictionary<string, string>()),
            new Condition("simdrop-0.1", "SimDrop 0.1 -- 50% & more", false, new Dictionary<string, string>()),
            new Condition("Kling-1.6", "Kling-1.6", false, new Dictionary<string, string>()),
        ],
    }.Build();

    private static StudyResults Results(int excluded = 1, int participants = 5) => new(
        Guid.NewGuid(), 42, true, null, 18, 6, participants, excluded,
        [new PairwiseRow("Kling-1.6", "base_model", null, 18, 9, 3, 6, new Proportion(0.5, 0.29, 0.71), new Proportion(1 / 6.0, 0.06, 0.39), new Proportion(1 / 3.0, 0.16, 0.56), 1 / 6.0)],
        [new RankingRow("simdrop-0.1", 1161, 900, 1400, 1, 12, 3), new RankingRow("Kling-1.6", 920, 700, 1150, 1, 12, 3), new RankingRow("base_model", 920, 1000, 1010, 2, 12, 2)],
        [], new AgreementRow(null, 0), new PositionBiasRow(6, 11, 0.5454, 0.28, 0.79, 0.77), []);

    [Fact]
    public void Latex_escapes_condition_keys_and_labels_so_they_print_as_written()
    {
        var tex = ResultsTex.Write(Results(), Settings);

        tex.Should().Contain("Kling-1.6 vs.\\ base\\_model & 18 &");
        tex.Should().Contain("SimDrop 0.1 -{}- 50\\% \\& more", "a double hyphen would print as a dash");
        tex.Should().NotContain("base_model");
    }

    [Fact]
    public void Latex_gives_rank_ranges_with_a_note_on_reading_them()
    {
        var tex = ResultsTex.Write(Results(), Settings);

        tex.Should().Contain("1--3 & SimDrop 0.1 -{}- 50\\% \\& more & 1161 & [900, 1400] \\\\");
        tex.Should().Contain("1--3 & Kling-1.6 & 920 & [700, 1150] \\\\");
        tex.Should().Contain("2 & base\\_model & 920 & [1000, 1010] \\\\");
        tex.Should().Contain("Rank: the places the intervals allow; 1--3 means anywhere from first to third");
    }

    [Fact]
    public void Latex_counts_gold_judgments_apart_and_says_one_participant_in_the_singular()
    {
        var tex = ResultsTex.Write(Results(excluded: 1, participants: 2), Settings);

        tex.Should().Contain("% 18 judgments from 1 participant, after exclusions (1 participant excluded), all tasks; + 6 gold judgments (attention checks), counted separately.");
        tex.Should().NotContain("1 participants");
    }

    [Fact]
    public void The_results_csv_keeps_keys_as_written_gives_best_and_worst_rank_and_counts_gold_on_its_own_row()
    {
        var lines = ResultsCsv.Lines(Results()).ToList();

        lines.Where(l => l.Table == "ranking").Select(l => (l.Condition, l.Rank, l.BestRank, l.WorstRank))
            .Should().Equal(("simdrop-0.1", 1, 1, 3), ("Kling-1.6", 1, 1, 3), ("base_model", 2, 2, 2));
        lines.Where(l => l.Table == "pairwise").Should().OnlyContain(l => l.Condition == "Kling-1.6" && l.Versus == "base_model");
        lines.Where(l => l.Table == "counts").Select(l => (l.Measure, l.Count))
            .Should().Equal(("judgments", 18L), ("gold_judgments", 6L), ("participants", 5L), ("excluded_participants", 1L));
    }

    [Fact]
    public void The_results_json_keeps_keys_as_written_and_carries_best_and_worst_rank_gold_and_why_agreement_is_missing()
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(Results(), JsonSerializerOptions.Web));
        var root = json.RootElement;

        root.GetProperty("ranking").EnumerateArray().Select(r => (r.GetProperty("condition").GetString(), r.GetProperty("rank").GetInt32(),
            r.GetProperty("bestRank").GetInt32(), r.GetProperty("worstRank").GetInt32()))
            .Should().Equal(("simdrop-0.1", 1, 1, 3), ("Kling-1.6", 1, 1, 3), ("base_model", 2, 2, 2));
        root.GetProperty("pairwise")[0].GetProperty("conditionA").GetString().Should().Be("Kling-1.6");
        (root.GetProperty("judgments").GetInt32(), root.GetProperty("goldJudgments").GetInt32()).Should().Be((18, 6));
        root.GetProperty("agreement").GetProperty("notComputedBecause").GetString().Should().StartWith("not computed yet: it needs at least two judgments on the same trial");
    }

    [Fact]
    public void Json_csv_and_latex_name_the_pairs_in_the_study_s_order_of_conditions()
    {
        // Ordinal order would make B.2 and D_4 the first of their pairs with a_1, but a_1 the first of a_1 and c-3.
        string[] keys = ["a_1", "B.2", "c-3", "D_4"];
        var settings = new StudyBuilder
        {
            Pairing = PairingRule.AllPairs,
            Conditions = [.. keys.Select(k => new Condition(k, k, false, new Dictionary<string, string>()))],
        }.Build();
        var judgments = keys.SelectMany((a, i) => keys.Skip(i + 1).Select(b => new Judgment("w1", $"{a}-{b}", "x", "dance", b, a, Choice.Left, null, DateTimeOffset.UnixEpoch)));
        var results = ResultsCalculator.Compute(Guid.NewGuid(), 3, settings, [.. judgments], new ResultsOptions(Resamples: 50));
        (string, string)[] inOrder = [("a_1", "B.2"), ("a_1", "c-3"), ("a_1", "D_4"), ("B.2", "c-3"), ("B.2", "D_4"), ("c-3", "D_4")];

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(results, JsonSerializerOptions.Web));
        json.RootElement.GetProperty("pairwise").EnumerateArray().Where(p => p.GetProperty("task").ValueKind == JsonValueKind.Null)
            .Select(p => (p.GetProperty("conditionA").GetString()!, p.GetProperty("conditionB").GetString()!)).Should().Equal(inOrder);
        ResultsCsv.Lines(results).Where(l => l.Table == "pairwise" && l.Task is null && l.Measure == "a_preferred")
            .Select(l => (l.Condition!, l.Versus!)).Should().Equal(inOrder);
        var tex = ResultsTex.Write(results, settings).Split('\n');
        tex.Where(l => l.Contains(" vs.\\ ", StringComparison.Ordinal)).Select(l => l[..l.IndexOf(" & ", StringComparison.Ordinal)])
            .Should().Equal(inOrder.Select(p => $"{ResultsTex.Escape(p.Item1)} vs.\\ {ResultsTex.Escape(p.Item2)}"));
    }
}
