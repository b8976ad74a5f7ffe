using Platform.Common;
using Platform.Results;
using Platform.Studies;
using Platform.Tests.Studies;

namespace Platform.Tests.Results;

public sealed class ImportingMetricsTests
{
    private static readonly Study Study = A.Draft(A.Pairwise("ours", "base").WithTasks("dance"));
    private static readonly MetricTarget Ours = new(Guid.NewGuid(), "ours", "a dancer spins", "dance", 1);
    private static readonly MetricTarget Base = new(Guid.NewGuid(), "base", "a dancer spins", "dance", 1);
    private static readonly MetricTarget OursSeed2 = new(Guid.NewGuid(), "ours", "a dancer spins", "dance", 2);

    private static MetricsImported Import(IReadOnlyCollection<MetricDeclared> declared, params MetricRow[] rows) =>
        ImportingMetrics.Handle(Study, [Ours, Base, OursSeed2], declared, new ImportMetrics(Guid.NewGuid(), Study.Id, "pose.csv", rows, Guid.NewGuid()), A.Now);

    private static MetricRow ByCell(int line, string condition, string? seed, string metric, string value, string better = "higher") =>
        new(line, null, condition, "a dancer spins", "dance", seed, metric, value, better);

    [Fact]
    public void Rows_naming_a_video_by_its_cell_or_its_id_are_imported_with_the_metrics_they_declare()
    {
        var imported = Import([],
            ByCell(2, " OURS ", "1", "pose confidence", "0.91"),
            ByCell(3, "base", "1", "pose confidence", "0.78"),
            new MetricRow(4, OursSeed2.VideoId.ToString(), null, null, null, null, "epsilon_proj", "1.5e-1", "LOWER"));

        imported.Values.Should().Equal(
            new VideoMetric(Ours.VideoId, "pose confidence", 0.91),
            new VideoMetric(Base.VideoId, "pose confidence", 0.78),
            new VideoMetric(OursSeed2.VideoId, "epsilon_proj", 0.15));
        imported.Metrics.Should().BeEquivalentTo([new MetricDeclared("pose confidence", true), new MetricDeclared("epsilon_proj", false)]);
    }

    [Fact]
    public void One_bad_line_refuses_the_whole_file_and_every_bad_line_is_named_with_its_problem()
    {
        var act = () => Import([],
            ByCell(2, "ours", "1", "pose confidence", "0.91"),
            ByCell(3, "ours", null, "pose confidence", "0.5"),
            ByCell(4, "kling", "1", "pose confidence", "0.5"),
            ByCell(5, "base", "1", "pose confidence", "NaN"),
            ByCell(6, "base", "1", "", "0.4", better: "up"),
            ByCell(7, "ours", "1", "pose confidence", "0.3"));

        var refusal = act.Should().Throw<DomainException>().Which;
        refusal.Kind.Should().Be(DomainError.Unprocessable);
        refusal.Details.Should().Equal(
            "line 3: 2 ready videos are condition 'ours', prompt 'a dancer spins', task 'dance': give the seed or the video id",
            "line 4: no ready video of condition 'kling', prompt 'a dancer spins', task 'dance', seed 1",
            "line 5: value 'NaN' is not a number between -1e15 and 1e15",
            "line 6: metric is empty, better 'up' is neither 'higher' nor 'lower'",
            "line 7: the video already has a value of 'pose confidence' on line 2");
    }

    [Fact]
    public void A_metric_keeps_the_direction_it_was_first_declared_with()
    {
        var act = () => Import([new MetricDeclared("pose confidence", true)], ByCell(2, "ours", "1", "pose confidence", "0.9", better: "lower"));

        act.Should().Throw<DomainException>().Which.Details.Should().Equal(
            "line 2: 'pose confidence' is a metric where higher is better; this line says lower");
    }

    [Fact]
    public void Lines_of_one_file_must_agree_on_a_metrics_direction()
    {
        var act = () => Import([], ByCell(2, "ours", "1", "flow", "0.9", better: "higher"), ByCell(3, "base", "1", "flow", "0.2", better: "lower"));

        act.Should().Throw<DomainException>().Which.Details.Should().Equal("line 3: 'flow' is a metric where higher is better; this line says lower");
    }

    [Fact]
    public void A_video_id_that_is_not_a_ready_video_of_the_study_is_named()
    {
        var stranger = Guid.NewGuid();

        var act = () => Import([], new MetricRow(2, stranger.ToString(), null, null, null, null, "flow", "1", "higher"));

        act.Should().Throw<DomainException>().Which.Details.Should().Equal($"line 2: video '{stranger}' is not a ready video of this study");
    }

    [Fact]
    public void A_metric_named_in_another_case_is_the_one_declared_and_names_must_be_plain_text()
    {
        var imported = Import([new MetricDeclared("pose", true)], ByCell(2, "ours", "1", "POSE", "0.9"));
        var act = () => Import([], ByCell(2, "ours", "1", "a\nb", "1"), ByCell(3, "base", "1", "ab\u200bcd", "1"), ByCell(4, "ours", "2", "caf\uFFFD", "1"),
            ByCell(5, "ours", "1", "flow", "1.7e308"));

        imported.Values.Single().Metric.Should().Be("pose");
        imported.Metrics.Should().BeEmpty("pose was declared by an earlier file");
        act.Should().Throw<DomainException>().Which.Details.Should().Equal(
            "line 2: metric holds a line break, an invisible character or one that is not UTF-8",
            "line 3: metric holds a line break, an invisible character or one that is not UTF-8",
            "line 4: metric holds a line break, an invisible character or one that is not UTF-8",
            "line 5: value '1.7e308' is not a number between -1e15 and 1e15");
    }

    [Fact]
    public void A_study_takes_at_most_fifty_metrics()
    {
        var fifty = Enumerable.Range(0, ImportingMetrics.MaxMetrics).Select(i => new MetricDeclared($"m{i}", true)).ToList();

        var act = () => Import(fifty, ByCell(2, "ours", "1", "one more", "1"));

        act.Should().Throw<DomainException>().Which.Details.Should().Equal("line 2: 'one more' would be metric 51 of the study; a study takes at most 50");
        Import(fifty, ByCell(2, "ours", "1", "M7", "1")).Values.Single().Metric.Should().Be("m7");
    }

    [Fact]
    public void An_empty_file_is_refused_naming_the_expected_header()
    {
        var act = () => Import([]);

        act.Should().Throw<DomainException>().WithMessage($"*{ImportingMetrics.Header}*");
    }
}
