using Platform.Results;

namespace Platform.Tests.Results.Statistics;

public sealed class WilsonTests
{
    [Theory]
    [InlineData(10, 38, 0.263158, 0.149716, 0.420088)]
    [InlineData(27, 38, 0.710526, 0.552429, 0.829967)]
    [InlineData(1, 38, 0.026316, 0.004661, 0.134949)]
    [InlineData(61, 100, 0.61, 0.512030, 0.699831)]
    public void A_share_gets_its_wilson_score_interval(long successes, long n, double rate, double low, double high)
    {
        var proportion = Wilson.Interval(successes, n);

        proportion.Rate.Should().BeApproximately(rate, 1e-6);
        proportion.Low.Should().BeApproximately(low, 1e-6);
        proportion.High.Should().BeApproximately(high, 1e-6);
    }

    [Fact]
    public void No_trials_give_no_information()
    {
        Wilson.Interval(0, 0).Should().Be(new Proportion(0, 0, 1));
    }

    [Fact]
    public void No_successes_give_a_lower_bound_of_exactly_zero()
    {
        var proportion = Wilson.Interval(0, 10);

        proportion.Low.Should().Be(0);
        proportion.High.Should().BeApproximately(0.277533, 1e-6);
    }

    [Fact]
    public void Only_successes_give_an_upper_bound_of_exactly_one()
    {
        var proportion = Wilson.Interval(10, 10);

        proportion.High.Should().Be(1);
        proportion.Low.Should().BeApproximately(0.722467, 1e-6);
    }

    [Fact]
    public void More_successes_than_trials_are_refused()
    {
        var act = () => Wilson.Interval(11, 10);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
