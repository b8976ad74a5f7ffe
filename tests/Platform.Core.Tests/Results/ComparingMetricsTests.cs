using Platform.Results;
using Platform.Voting;

namespace Platform.Tests.Results;

public sealed class ComparingMetricsTests
{
    private static readonly Guid C1 = Guid.NewGuid(), C2 = Guid.NewGuid(), J1 = Guid.NewGuid(), J2 = Guid.NewGuid();

    private static IEnumerable<VideoJudgment> Rated(Guid video, int successes, int failures) =>
        Enumerable.Repeat(new VideoJudgment(video, null, Choice.Success), successes).Concat(Enumerable.Repeat(new VideoJudgment(video, null, Choice.Failure), failures));

    [Fact]
    public void A_rating_study_gets_each_conditions_mean_beside_its_success_rate_and_rho_over_the_videos()
    {
        // Given two consistent and two jittered videos, their reprojection error (lower is better) and people's ratings
        MeasuredVideo[] videos = [new(C1, "consistent", "dance"), new(C2, "consistent", "dance"), new(J1, "jittered", "dance"), new(J2, "jittered", "dance")];
        VideoMetric[] errors = [new(C1, "eps", 0.5), new(C2, "eps", 0.6), new(J1, "eps", 2.0), new(J2, "eps", 3.0)];
        VideoJudgment[] judgments = [.. Rated(C1, 4, 0), .. Rated(C2, 3, 1), .. Rated(J1, 1, 3), .. Rated(J2, 0, 4)];

        var table = MetricComparison.Of(videos, ["consistent", "jittered"], [new MetricDeclared("eps", false)], errors, judgments);

        // Then each condition has its mean and the people's rate over the same videos
        table.Conditions.Select(c => (c.Condition, c.Mean.Value, c.Mean.N, c.People.Rate, c.Judgments)).Should().Equal(
            ("consistent", 0.55, 2, 7 / 8.0, 8L),
            ("jittered", 2.5, 2, 1 / 8.0, 8L));
        table.Conditions[0].People.Should().Be(Wilson.Interval(7, 8));
        // And the video with the lower error is always the one people rated better: rho = -1; no pairs in a rating study
        var agreement = table.Agreement.Should().ContainSingle().Subject;
        agreement.Spearman.Value.Should().BeApproximately(-1, 1e-12);
        agreement.Spearman.N.Should().Be(4);
        agreement.PairOrder.Should().BeNull();
    }

    [Fact]
    public void A_pairwise_study_counts_wins_ties_as_half_a_share_and_the_pairs_the_metric_orders_as_people_did()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid();
        MeasuredVideo[] videos = [new(a, "ours", "dance"), new(b, "base", "dance"), new(c, "base", "dance")];
        VideoMetric[] confidence = [new(a, "pose", 0.9), new(b, "pose", 0.5), new(c, "pose", 0.1)];
        VideoJudgment[] judgments =
        [
            // a against b: a wins three times (shown on either side), b once
            new(a, b, Choice.Left), new(a, b, Choice.Left), new(b, a, Choice.Right), new(b, a, Choice.Left),
            // a against c: one tie, c wins twice
            new(a, c, Choice.Same), new(a, c, Choice.Right), new(c, a, Choice.Left),
        ];

        var table = MetricComparison.Of(videos, ["ours", "base"], [new MetricDeclared("pose", true)], confidence, judgments);

        table.Conditions.Select(r => (r.Condition, r.People.Rate, r.Judgments)).Should().Equal(("ours", 3 / 7.0, 7L), ("base", 3 / 7.0, 7L));
        // Shares: a (3 + ½) / 7 = 0.5, b 1/4, c (2 + ½) / 3; metric ranks 3, 2, 1 against share ranks 2, 1, 3: Σd² = 6, rho = 1 − 36/24
        var agreement = table.Agreement.Single();
        agreement.Spearman.Value.Should().BeApproximately(-0.5, 1e-12);
        // The metric prefers a in both pairs: right about b, wrong about c
        agreement.PairOrder!.Value.Value.Should().Be(0.5);
        agreement.PairOrder.Value.N.Should().Be(2);
    }

    [Fact]
    public void A_condition_without_a_measured_video_has_no_row_and_unjudged_videos_take_no_part_in_rho()
    {
        MeasuredVideo[] videos = [new(C1, "consistent", "dance"), new(J1, "jittered", "dance"), new(J2, "jittered", "dance")];

        var table = MetricComparison.Of(videos, ["consistent", "jittered"], [new MetricDeclared("eps", false)],
            [new VideoMetric(J1, "eps", 2.0), new VideoMetric(J2, "eps", 1.0)], [.. Rated(J1, 1, 1), .. Rated(C1, 5, 0)]);

        table.Conditions.Should().ContainSingle().Which.Condition.Should().Be("jittered");
        table.Conditions[0].Judgments.Should().Be(2, "the people's rate covers the measured videos only");
        table.Agreement.Single().Spearman.N.Should().Be(1);
        double.IsNaN(table.Agreement.Single().Spearman.Value).Should().BeTrue("one judged video has no correlation");
    }

    [Fact]
    public void The_peoples_rate_differs_between_metrics_only_where_they_measured_different_videos()
    {
        MeasuredVideo[] videos = [new(C1, "consistent", "dance"), new(C2, "consistent", "dance"), new(J1, "jittered", "dance"), new(J2, "jittered", "dance")];
        VideoMetric[] values = [new(C1, "eps", 0.5), new(C2, "eps", 0.6), new(J1, "eps", 2.0), new(J2, "eps", 3.0), new(C1, "pose", 0.9), new(J1, "pose", 0.2), new(J2, "pose", 0.1)];
        VideoJudgment[] judgments = [.. Rated(C1, 4, 0), .. Rated(C2, 3, 1), .. Rated(J1, 1, 3), .. Rated(J2, 0, 4)];

        var table = MetricComparison.Of(videos, ["consistent", "jittered"], [new MetricDeclared("eps", false), new MetricDeclared("pose", true)], values, judgments);

        table.PeopleDiffer("consistent").Should().BeTrue("pose covers C1 only: 4 of 4, where eps covers both: 7 of 8");
        table.PeopleDiffer("jittered").Should().BeFalse("both metrics cover J1 and J2");
    }
}
