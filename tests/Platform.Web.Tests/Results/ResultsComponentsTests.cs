using Bunit;
using Platform.Results;
using Platform.Studies;
using Platform.Testing;
using Platform.Tests.Components;

namespace Platform.Tests.Results;

public sealed class ResultsComponentsTests : BunitTest
{
    private static readonly StudySettings Settings = new StudyBuilder().Build();

    private static StudyResults Results(params PairwiseRow[] rows) => new(
        Guid.NewGuid(), 12, true, null, rows.Sum(r => r.N), 5, 1, rows,
        [new RankingRow("ours-simdrop", 1080.4, 1040, 1120, 1, 38), new RankingRow("base-model", 919.6, 880, 960, 2, 38)],
        [], new AgreementRow(0.41234, 9), new PositionBiasRow(6, 11, 0.5454, 0.28, 0.79, 0.77), []);

    private static PairwiseRow Table9 => new("ours-simdrop", "base-model", null, 38, 10, 27, 1,
        new Proportion(10 / 38.0, 0.1497, 0.4201), new Proportion(27 / 38.0, 0.55, 0.83), new Proportion(1 / 38.0, 0.0047, 0.135), 9 / 38.0);

    [Fact]
    public void The_pairwise_table_shows_good_same_bad_with_intervals_and_labels()
    {
        var table = Context.Render<PairwiseTable>(p => p.Add(x => x.Results, Results(Table9)).Add(x => x.Settings, Settings));

        var cells = table.FindAll("[data-testid=pairwise] tbody td").Select(td => td.TextContent.Trim()).ToList();
        cells.Should().Equal("Ours SimDrop 0.2 (secret label)", "Base model (secret label)", "all", "38",
            "26.3 % [15.0 %, 42.0 %]", "71.1 % [55.0 %, 83.0 %]", "2.6 % [0.5 %, 13.5 %]", "23.7 %");
    }

    [Fact]
    public void The_heat_map_shows_each_side_its_own_win_rate_with_ties_as_half()
    {
        var map = Context.Render<WinRateHeatMap>(p => p.Add(x => x.Results, Results(Table9)).Add(x => x.Settings, Settings));

        var rows = map.FindAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        // Rows and columns in the study's order: base-model, ours-simdrop. (1 + 13.5) / 38 and (10 + 13.5) / 38.
        rows[0].Should().Equal("—", "38.2 %");
        rows[1].Should().Equal("61.8 %", "—");
    }

    [Fact]
    public void The_ranking_chart_draws_one_interval_per_condition_best_first()
    {
        var chart = Context.Render<RankingChart>(p => p.Add(x => x.Ranking, Results().Ranking).Add(x => x.Settings, Settings));

        var rows = chart.FindAll("[data-testid=ranking-row]");
        rows.Select(r => r.QuerySelector("text")!.TextContent).Should().Equal("1. Ours SimDrop 0.2 (sec…", "2. Base model (secret la…");
        rows[0].QuerySelectorAll("text")[1].TextContent.Should().Be("1080 [1040, 1120]");
        var left = double.Parse(rows[0].QuerySelector("line")!.GetAttribute("x1")!, System.Globalization.CultureInfo.InvariantCulture);
        var dot = double.Parse(rows[0].QuerySelector("circle")!.GetAttribute("cx")!, System.Globalization.CultureInfo.InvariantCulture);
        dot.Should().BeGreaterThan(left, "the rating sits inside its interval");
    }
}
