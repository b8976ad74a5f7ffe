using Platform.Results;

namespace Platform.Tests.Results.Statistics;

public sealed class MetricStatisticsTests
{
    // Wikipedia's worked example for Spearman's ρ (IQ against hours of TV a week): Σd² = 194, n = 10,
    // ρ = 1 − 6·194 / (10·99) = −29/165.
    private static readonly double[] Iq = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110];
    private static readonly double[] HoursOfTv = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17];

    [Fact]
    public void Spearmans_rho_matches_the_worked_example()
    {
        Spearman.Rho(Iq, HoursOfTv).Should().BeApproximately(-29.0 / 165, 1e-12);
    }

    [Fact]
    public void Tied_values_share_their_average_rank_as_R_and_SciPy_rank_them()
    {
        Spearman.Ranks([10, 20, 20, 5, 20]).Should().Equal(2, 4, 4, 1, 4);
        // R: cor(c(1,2,2,3), c(1,3,2,4), method = "spearman") = 0.9486833 (Pearson on ranks 1, 2.5, 2.5, 4 and 1, 3, 2, 4).
        Spearman.Rho([1, 2, 2, 3], [1, 3, 2, 4]).Should().BeApproximately(0.9486833, 1e-7);
    }

    [Fact]
    public void A_constant_variable_or_a_single_pair_has_no_correlation()
    {
        double.IsNaN(Spearman.Rho([1, 1, 1], [1, 2, 3])).Should().BeTrue();
        double.IsNaN(Spearman.Rho([1], [2])).Should().BeTrue();
    }

    [Fact]
    public void The_interval_of_rho_is_seeded_stable_and_holds_the_estimate()
    {
        var first = Spearman.WithInterval(Iq, HoursOfTv, seed: 7);
        var again = Spearman.WithInterval(Iq, HoursOfTv, seed: 7);

        again.Should().Be(first);
        first.N.Should().Be(10);
        first.Low.Should().BeLessThan(first.Value).And.BeGreaterThanOrEqualTo(-1);
        first.High.Should().BeGreaterThan(first.Value).And.BeLessThanOrEqualTo(1);
    }

    [Fact]
    public void A_perfect_monotone_relation_has_rho_one_and_a_point_interval()
    {
        var estimate = Spearman.WithInterval([1, 2, 3, 4, 5, 6], [2, 4, 8, 16, 32, 64]);

        estimate.Should().Be(new Estimate(1, 1, 1, 6), "every resample with two distinct values is perfectly monotone too");
    }

    [Fact]
    public void The_bootstrap_mean_interval_narrows_as_values_grow_and_brackets_the_mean()
    {
        var random = new Random(3);
        var few = Enumerable.Range(0, 20).Select(_ => random.NextDouble()).ToArray();
        var many = Enumerable.Range(0, 2000).Select(_ => random.NextDouble()).ToArray();

        var small = Bootstrap.Mean(few);
        var large = Bootstrap.Mean(many);

        small.Value.Should().BeApproximately(few.Average(), 1e-12);
        small.Low.Should().BeLessThan(small.Value);
        small.High.Should().BeGreaterThan(small.Value);
        (large.High - large.Low).Should().BeLessThan((small.High - small.Low) / 5, "the width shrinks as 1/√n: √100 = 10");
        // Uniform(0, 1) has standard deviation 1/√12: the normal interval half-width is 1.96 · 0.2887 / √2000 ≈ 0.0127.
        ((large.High - large.Low) / 2).Should().BeApproximately(0.0127, 0.0015);
        Bootstrap.Mean([]).Should().Match<Estimate>(e => e.N == 0 && double.IsNaN(e.Value));
    }

    [Fact]
    public void Order_agreement_counts_the_pairs_the_metric_orders_as_people_did_and_a_metric_tie_as_half()
    {
        JudgedPair[] pairs =
        [
            new(MetricA: 0.9, MetricB: 0.2, PreferredA: 5, PreferredB: 1), // agrees
            new(MetricA: 0.1, MetricB: 0.7, PreferredA: 4, PreferredB: 2), // disagrees
            new(MetricA: 0.5, MetricB: 0.5, PreferredA: 3, PreferredB: 0), // the metric cannot tell: half
            new(MetricA: 0.3, MetricB: 0.8, PreferredA: 2, PreferredB: 2), // people split evenly: left out
            new(MetricA: 0.2, MetricB: 0.6, PreferredA: 0, PreferredB: 3), // agrees
        ];

        var higherIsBetter = OrderAgreement.Share(pairs, higherIsBetter: true);
        var lowerIsBetter = OrderAgreement.Share(pairs, higherIsBetter: false);

        higherIsBetter.Value.Should().Be(2.5 / 4);
        higherIsBetter.N.Should().Be(4);
        lowerIsBetter.Value.Should().Be(1.5 / 4, "a reprojection error orders the other way round");
    }
}
