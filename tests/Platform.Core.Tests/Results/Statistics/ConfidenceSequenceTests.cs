using Platform.Results;

namespace Platform.Tests.Results.Statistics;

public sealed class ConfidenceSequenceTests
{
    [Fact]
    public void The_radius_follows_the_normal_mixture_boundary_worked_by_hand()
    {
        // n = 100 successes-or-failures (σ = ½), ρ = 25, α = 0.05:
        // V = 100 · ¼ + 25 = 50; √(2 · 50 · ln(√(50 / 25) / 0.05)) = √(100 · ln 28.2843) = √(100 · 3.34236) = 18.2821; / 100.
        ConfidenceSequence.Radius(100, 0.5, 0.05, 25).Should().BeApproximately(0.182821, 1e-5);
        ConfidenceSequence.Radius(0, 0.5, 0.05, 25).Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void Watching_after_every_judgment_costs_width_against_a_fixed_n_interval_and_the_width_still_shrinks()
    {
        var rho = ConfidenceSequence.MixingFor(400, 0.5, 0.05);
        var wald = 1.96 * Math.Sqrt(0.25 / 400);

        ConfidenceSequence.Radius(400, 0.5, 0.05, rho).Should().BeGreaterThan(wald).And.BeLessThan(2.5 * wald);
        ConfidenceSequence.Radius(4000, 0.5, 0.05, rho).Should().BeLessThan(ConfidenceSequence.Radius(400, 0.5, 0.05, rho) / 2);
    }

    [Fact]
    public void The_chosen_mixing_makes_the_boundary_tighter_at_the_planned_count_than_neighbouring_choices()
    {
        foreach (var alpha in new[] { 0.05, 0.005 })
        {
            var rho = ConfidenceSequence.MixingFor(400, 0.5, alpha);
            var chosen = ConfidenceSequence.Radius(400, 0.5, alpha, rho);

            chosen.Should().BeLessThan(ConfidenceSequence.Radius(400, 0.5, alpha, rho * 2)).And.BeLessThan(ConfidenceSequence.Radius(400, 0.5, alpha, rho / 2));
            chosen.Should().BeLessThan(0.9 * ConfidenceSequence.Radius(400, 0.5, alpha, 400 * 0.25), "ρ = nσ² mixes far too widely");
        }
    }

    [Fact]
    public void The_interval_is_clipped_to_the_range_a_judgment_can_take()
    {
        var (low, high) = ConfidenceSequence.Interval(sum: 10, n: 10, min: 0, max: 1, alpha: 0.05, rho: 5);
        high.Should().Be(1);
        low.Should().BeGreaterThan(0).And.BeLessThan(1);
        ConfidenceSequence.Interval(-3, 10, -1, 1, 0.05, 10).Low.Should().BeGreaterThanOrEqualTo(-1);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Checked_after_every_judgment_it_misses_the_true_rate_at_most_alpha_of_the_time_where_a_fixed_n_interval_does_not(double truth)
    {
        // 2,000 simulated studies of up to 500 judgments each, seeded; a study "misses" if at any n its interval excludes the truth.
        const int studies = 2000, judgments = 500;
        var generator = new Random(20261207);
        var rho = ConfidenceSequence.MixingFor(judgments, 0.5, 0.05);
        var (sequenceMisses, peekingMisses) = (0, 0);
        for (var s = 0; s < studies; s++)
        {
            var (sum, sequenceMissed, peekingMissed) = (0.0, false, false);
            for (var n = 1; n <= judgments; n++)
            {
                sum += generator.NextDouble() < truth ? 1 : 0;
                var (low, high) = ConfidenceSequence.Interval(sum, n, 0, 1, 0.05, rho);
                sequenceMissed |= truth < low || truth > high;
                var wilson = Wilson.Interval((int)sum, n);
                peekingMissed |= n >= 10 && (truth < wilson.Low || truth > wilson.High);
            }
            sequenceMisses += sequenceMissed ? 1 : 0;
            peekingMisses += peekingMissed ? 1 : 0;
        }

        ((double)sequenceMisses / studies).Should().BeLessThanOrEqualTo(0.05, "the guarantee holds at every n at once");
        ((double)peekingMisses / studies).Should().BeGreaterThan(0.15, "a 95 % Wilson interval checked after every judgment misses far more often");
    }
}
