using Bunit;
using Platform.Results;
using Platform.Studies;
using Platform.Testing;
using Platform.Tests.Components;
using Platform.Web.Results;

namespace Platform.Tests.Results;

public sealed class ResultsComponentsTests : BunitTest
{
    private static readonly StudySettings Settings = new StudyBuilder().Build();

    private static StudyResults Results(params PairwiseRow[] rows) => new(
        Guid.NewGuid(), 12, true, null, rows.Sum(r => r.N), 0, 5, 1, rows,
        [new RankingRow("ours-simdrop", 1080.4, 1040, 1120, 1, 38, 1), new RankingRow("base-model", 919.6, 880, 960, 2, 38, 2)],
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
        rows.Select(r => r.QuerySelectorAll("text")[0].TextContent + " " + r.QuerySelectorAll("text")[1].TextContent)
            .Should().Equal("1 Ours SimDrop 0.2 (s…", "2 Base model (secret…");
        rows[0].QuerySelectorAll("text")[2].TextContent.Should().Be("1080 [1040, 1120]");
        var left = double.Parse(rows[0].QuerySelector("line")!.GetAttribute("x1")!, System.Globalization.CultureInfo.InvariantCulture);
        var dot = double.Parse(rows[0].QuerySelector("circle")!.GetAttribute("cx")!, System.Globalization.CultureInfo.InvariantCulture);
        dot.Should().BeGreaterThan(left, "the rating sits inside its interval");
    }

    [Fact]
    public void The_ranking_shows_the_places_the_intervals_allow_with_a_legend_saying_how_to_read_them()
    {
        // The report: 1161, 920 and 920, all shown as "1." though their intervals overlap.
        RankingRow[] ranking =
        [
            new("ours-simdrop", 1161, 900, 1400, 1, 12, 3), new("base-model", 920, 700, 1150, 1, 12, 3), new("Kling-1.6", 920, 690, 1140, 1, 12, 3),
        ];
        var settings = Settings with { Conditions = [.. Settings.Conditions, new Condition("Kling-1.6", "Kling 1.6", false, new Dictionary<string, string>())] };

        var chart = Context.Render<RankingChart>(p => p.Add(x => x.Ranking, ranking).Add(x => x.Settings, settings));

        chart.FindAll("[data-testid=rank]").Select(r => r.TextContent).Should().Equal("1–3", "1–3", "1–3");
        chart.Find("[data-testid=rank-legend]").TextContent.Should().Contain("the places the 95 % intervals allow").And.Contain("\"1–3\" means");
    }

    [Fact]
    public void The_progress_panel_counts_gold_judgments_apart_and_says_why_agreement_is_not_computed_yet()
    {
        var tally = new StudyTally { Judgments = 18, GoldJudgments = 6, Participants = ["p1", "p2"] };
        var progress = StudyProgress.Estimate(18, 36, tally.Pace());
        var results = Results() with { Agreement = new AgreementRow(null, 0), PositionBias = null };

        var panel = Context.Render<ProgressPanel>(p => p.Add(x => x.Progress, progress).Add(x => x.Tally, tally).Add(x => x.Results, results));

        panel.Find("[data-testid=judgments-value]").TextContent.Should().Be("18");
        panel.Find("[data-testid=judgments]").TextContent.Should().Contain("of 36 wanted (50.0 %)");
        panel.Find("[data-testid=judgments-gold]").TextContent.Should().Be("+ 6 gold judgments (attention checks), counted separately");
        panel.Find("[data-testid=agreement]").TextContent.Should()
            .Be("Agreement (Krippendorff's α): not computed yet: it needs at least two judgments on the same trial, and no trial has two yet")
            .And.NotContain("over 0 trials");
    }

    [Fact]
    public void The_progress_panel_of_an_adaptive_study_counts_toward_its_goal_not_k_per_trial_and_says_when_it_stalled_stopped_or_closed()
    {
        var tally = new StudyTally { Judgments = 18, Participants = ["p1", "p2"] };
        var results = Results() with { Agreement = new AgreementRow(null, 0), PositionBias = null };
        IRenderedComponent<ProgressPanel> Panel(StudyProgress progress) =>
            Context.Render<ProgressPanel>(p => p.Add(x => x.Progress, progress).Add(x => x.Tally, tally).Add(x => x.Results, results));

        Panel(StudyProgress.ByGoalEstimate(18, 42, GoalProgress.Running, tally.Pace())).Find("[data-testid=judgments]").TextContent
            .Should().Contain("of about 60 the goal is projected to need").And.NotContain("wanted");
        var stalled = Panel(StudyProgress.ByGoalEstimate(18, 0, GoalProgress.Stalled, tally.Pace()));
        stalled.Find("[data-testid=judgments]").TextContent.Should().Contain("stalled: no trial left below k").And.NotContain("met");
        stalled.Find("[data-testid=time-left-value]").TextContent.Should().Be("stalled");
        Panel(StudyProgress.ByGoalEstimate(18, 0, GoalProgress.Stopped, tally.Pace())).Find("[data-testid=judgments]").TextContent
            .Should().Contain("stopped by its goal");
        Panel(StudyProgress.ByGoalEstimate(18, 42, GoalProgress.Closed, tally.Pace())).Find("[data-testid=time-left-value]").TextContent
            .Should().Be("closed");
    }
}
