using Platform.Results;

namespace Platform.Tests.Results.Statistics;

public sealed class BinomialSamplerTests
{
    [Theory]
    [InlineData(20, 0.3)]
    [InlineData(1_000, 0.002)]
    [InlineData(50, 0.97)]
    [InlineData(1_000_000, 0.3)]
    [InlineData(10_000_000, 0.5)]
    public void Draws_have_the_binomial_mean_and_variance(long n, double p)
    {
        var random = new Random(7);
        const int draws = 20_000;
        var values = Enumerable.Range(0, draws).Select(_ => (double)BinomialSampler.Next(random, n, p)).ToArray();

        var mean = values.Average();
        var variance = values.Sum(value => (value - mean) * (value - mean)) / (draws - 1);
        var expectedVariance = n * p * (1 - p);
        mean.Should().BeApproximately(n * p, 5 * Math.Sqrt(expectedVariance / draws));
        variance.Should().BeApproximately(expectedVariance, 5 * expectedVariance * Math.Sqrt(2.0 / draws));
        values.Should().OnlyContain(value => value >= 0 && value <= n);
    }

    [Theory]
    [InlineData(0, 0.5, 0)]
    [InlineData(10, 0, 0)]
    [InlineData(10, 1, 10)]
    public void Degenerate_cases_have_one_outcome(long n, double p, long expected)
    {
        BinomialSampler.Next(new Random(1), n, p).Should().Be(expected);
    }

    [Fact]
    public void Tiny_samples_stay_within_zero_and_n()
    {
        var random = new Random(3);

        Enumerable.Range(0, 10_000).Select(_ => BinomialSampler.Next(random, 3, 0.5)).Should().OnlyContain(value => value >= 0 && value <= 3);
    }

    [Fact]
    public void A_multinomial_draw_spreads_all_items_over_the_cells_in_proportion()
    {
        var random = new Random(11);
        long[] weights = [600_000, 0, 300_000, 100_000];
        var totals = new double[weights.Length];
        var counts = new long[weights.Length];

        for (var draw = 0; draw < 1_000; draw++)
        {
            Multinomial.Draw(random, 1_000_000, weights, counts);
            counts.Sum().Should().Be(1_000_000);
            for (var i = 0; i < counts.Length; i++)
                totals[i] += counts[i] / 1_000.0;
        }

        totals.Should().SatisfyRespectively(
            first => first.Should().BeApproximately(600_000, 100),
            second => second.Should().Be(0),
            third => third.Should().BeApproximately(300_000, 100),
            fourth => fourth.Should().BeApproximately(100_000, 100));
    }
}
