using Platform.Results;

namespace Platform.Tests.Results.Statistics;

public sealed class KrippendorffTests
{
    // Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability", section C: four observers, twelve units,
    // values 1–5, missing judgments left out (unit 12 has a single value and cannot be paired).
    private static readonly int[][] PublishedExample =
    [
        [1, 1, 1],
        [2, 2, 3, 2],
        [3, 3, 3, 3],
        [3, 3, 3, 3],
        [2, 2, 2, 2],
        [1, 2, 3, 4],
        [4, 4, 4, 4],
        [1, 1, 2, 1],
        [2, 2, 2, 2],
        [5, 5, 5],
        [1, 1],
        [3],
    ];

    [Theory]
    [InlineData(AlphaMetric.Nominal, 0.743421)]
    [InlineData(AlphaMetric.Ordinal, 0.815388)]
    public void The_published_example_with_missing_values_gives_the_published_alpha(AlphaMetric metric, double expected)
    {
        var agreement = Krippendorff.Alpha(PublishedExample, metric);

        agreement.Alpha.Should().BeApproximately(expected, 1e-6);
        agreement.Units.Should().Be(11);
    }

    [Theory]
    [InlineData(AlphaMetric.Nominal)]
    [InlineData(AlphaMetric.Ordinal)]
    public void Perfect_agreement_gives_one(AlphaMetric metric)
    {
        int[][] units = [[0, 0], [1, 1, 1], [2, 2], [0, 0, 0]];

        Krippendorff.Alpha(units, metric).Should().Be(new Agreement(1, 4));
    }

    [Fact]
    public void Units_judged_once_leave_nothing_to_pair()
    {
        int[][] units = [[1], [0], []];

        Krippendorff.Alpha(units, AlphaMetric.Nominal).Should().Be(new Agreement(null, 0));
    }

    [Fact]
    public void One_value_everywhere_leaves_alpha_undefined()
    {
        int[][] units = [[1, 1], [1, 1, 1]];

        Krippendorff.Alpha(units, AlphaMetric.Nominal).Should().Be(new Agreement(null, 2));
    }

    [Fact]
    public void Systematic_disagreement_gives_a_negative_alpha()
    {
        int[][] units = [[0, 1], [1, 0], [0, 1], [1, 0]];

        // o_01 = o_10 = 4, n_0 = n_1 = 4, n = 8: α = 1 − 7 · (4 + 4) / (4 · 4 + 4 · 4) = −0.75.
        Krippendorff.Alpha(units, AlphaMetric.Nominal).Alpha.Should().BeApproximately(-0.75, 1e-12);
    }

    [Fact]
    public void Ordinal_alpha_depends_only_on_the_order_of_the_values()
    {
        int[][] spread = PublishedExample.Select(unit => unit.Select(value => value * 10).ToArray()).ToArray();

        Krippendorff.Alpha(spread, AlphaMetric.Ordinal).Alpha.Should().BeApproximately(0.815388, 1e-6);
    }
}
