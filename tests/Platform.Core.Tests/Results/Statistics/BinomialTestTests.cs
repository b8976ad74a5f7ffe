using Platform.Results;

namespace Platform.Tests.Results.Statistics;

// References: R's binom.test algorithm evaluated in exact rational arithmetic (Python fractions / big integers).
public sealed class BinomialTestTests
{
    [Theory]
    [InlineData(7, 20, 0.5, 0.26317596435546875)]
    [InlineData(0, 10, 0.5, 0.001953125)]
    [InlineData(10, 10, 0.5, 0.001953125)]
    [InlineData(5, 10, 0.5, 1)]
    [InlineData(60, 100, 0.5, 0.05688793364098079)]
    [InlineData(27, 38, 0.5, 0.013852965261321515)]
    [InlineData(1, 38, 0.5, 2.837623469531536e-10)]
    [InlineData(3, 10, 0.2, 0.429574656)]
    [InlineData(9, 30, 0.1, 0.0020198290052582998)]
    [InlineData(682, 925, 0.75, 0.3824915595748517)]
    public void Small_samples_match_r_binom_test(long k, long n, double p, double expected)
    {
        BinomialTest.TwoSidedPValue(k, n, p).Should().BeApproximately(expected, expected * 1e-9);
    }

    [Theory]
    [InlineData(500_500, 1_000_000, 0.5, 0.3177946913633055)]
    [InlineData(299_000, 1_000_000, 0.3, 0.029096319030430345)]
    public void A_million_trials_match_the_exact_sum(long k, long n, double p, double expected)
    {
        BinomialTest.TwoSidedPValue(k, n, p).Should().BeApproximately(expected, expected * 1e-7);
    }

    [Theory]
    [InlineData(5_001_500, 10_000_000, 0.5, 0.3429426204411726)]
    [InlineData(3_003_000, 10_000_000, 0.3, 0.03846623257178689)]
    public void Ten_million_trials_match_a_log_gamma_sum(long k, long n, double p, double expected)
    {
        BinomialTest.TwoSidedPValue(k, n, p).Should().BeApproximately(expected, expected * 1e-6);
    }

    [Fact]
    public void No_trials_give_a_p_value_of_one()
    {
        BinomialTest.TwoSidedPValue(0, 0).Should().Be(1);
    }

    [Fact]
    public void An_outcome_at_the_mean_gives_a_p_value_of_one()
    {
        BinomialTest.TwoSidedPValue(300, 1000, 0.3).Should().Be(1);
    }

    [Fact]
    public void An_impossible_outcome_gives_zero()
    {
        BinomialTest.TwoSidedPValue(1, 10, 0).Should().Be(0);
    }
}
