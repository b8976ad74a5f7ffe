using Bunit;
using Platform.Results;
using Platform.Studies;
using Platform.Testing;
using Platform.Tests.Components;
using Platform.Web.Results;

namespace Platform.Tests.Results;

public sealed class MetricsComponentsTests : BunitTest
{
    private static readonly StudySettings Settings = StudyBuilder.Rating().Build();

    [Fact]
    public void The_metrics_table_sets_each_conditions_means_beside_the_people_and_lists_each_metrics_agreement()
    {
        var table = new MetricTableView(
        [
            new ConditionMetricView(Consistency.Points, "base-model", new EstimateView(16548.4, 15000, 18000, 4), new Proportion(0.2, 0.05, 0.52), 10),
            new ConditionMetricView(Consistency.BestError, "base-model", new EstimateView(0.437, 0.4, 0.47, 4), new Proportion(0.2, 0.05, 0.52), 10),
            new ConditionMetricView(Consistency.Points, "ours-simdrop", new EstimateView(42895, 40000, 45000, 4), null, 0),
        ],
        [new MetricAgreementView(Consistency.BestError, false, new EstimateView(-0.8, -1, -0.4, 8), null)], []);

        var rendered = Context.Render<MetricsTable>(p => p.Add(x => x.Table, table).Add(x => x.Settings, Settings));

        var rows = rendered.FindAll("[data-testid=metrics-row]").Select(r => r.QuerySelectorAll("td").Select(td => Text(td.TextContent)).ToList()).ToList();
        rendered.FindAll("[data-testid=metrics] thead th").Take(4).Select(th => th.TextContent).Should().Equal("Condition", "N (3D points)", "ε̂ proj, best 1,000 (px)", "People");
        rows[0].Should().Equal("Base model (secret label)", "16,548 [15,000, 18,000] (4)", "0.437 [0.400, 0.470] (4)", "20.0 % [5.0 %, 52.0 %]");
        rows[1].Should().Equal("Ours SimDrop 0.2 (secret label)", "42,895 [40,000, 45,000] (4)", "–", "no judgments yet");
        Text(rendered.Find("[data-testid=metrics-agreement] tbody tr").TextContent).Should().Contain("lower").And.Contain("-0.800 [-1.00, -0.400] (8)");
    }

    [Fact]
    public void Where_a_conditions_metrics_cover_different_videos_the_peoples_rate_stands_beside_each_mean()
    {
        var table = new MetricTableView(
        [
            new ConditionMetricView("pose confidence", "base-model", new EstimateView(0.9, null, null, 1), new Proportion(1, 0.44, 1), 3),
            new ConditionMetricView(Consistency.Points, "base-model", new EstimateView(1150, 1113, 1187, 2), new Proportion(2 / 3.0, 0.3, 0.9), 6),
        ], [], ["base-model"]);

        var rendered = Context.Render<MetricsTable>(p => p.Add(x => x.Table, table).Add(x => x.Settings, Settings));

        var cells = rendered.Find("[data-testid=metrics-row]").QuerySelectorAll("td").Select(td => Text(td.TextContent)).ToList();
        cells.Should().Equal("Base model (secret label)", "0.900 [–, –] (1)people 100.0 % [44.0 %, 100.0 %]",
            "1,150 [1,113, 1,187] (2)people 66.7 % [30.0 %, 90.0 %]", "beside each metric: they cover different videos");
    }

    [Fact]
    public void No_metrics_no_table()
    {
        var rendered = Context.Render<MetricsTable>(p => p.Add(x => x.Table, new MetricTableView([], [], [])).Add(x => x.Settings, Settings));

        rendered.FindAll("[data-testid=metrics]").Should().BeEmpty();
    }

    [Fact]
    public void The_camera_path_is_drawn_from_above_in_frame_order_fitted_to_its_box()
    {
        CameraPoint[] orbit = [new("frame-0001.png", 0, 5, 0), new("frame-0002.png", 1, 5, 1), new("frame-0003.png", 2, 5, 0)];

        var plot = Context.Render<CameraPathPlot>(p => p.Add(x => x.Cameras, orbit));

        plot.Find("polyline").GetAttribute("points").Should().Be("12,168 90,90 168,168", "x across, z up the page, the height left out");
        plot.FindAll("circle").Should().HaveCount(3);
        plot.Find("svg").GetAttribute("aria-label").Should().Be("Camera path from above, 3 cameras");
    }

    private static string Text(string content) => System.Text.RegularExpressions.Regex.Replace(content, @"\s+", " ").Trim();
}
