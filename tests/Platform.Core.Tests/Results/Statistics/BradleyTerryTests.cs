using Platform.Results;

namespace Platform.Tests.Results.Statistics;

public sealed class BradleyTerryTests
{
    private const int FewResamples = 200;

    private static readonly PairOutcome[] ThreeConditions =
    [
        new(0, 1, 30, 10, 20),
        new(1, 2, 25, 5, 30),
        new(2, 0, 15, 20, 25),
    ];

    private static PairOutcome Swapped(PairOutcome outcome) => new(outcome.B, outcome.A, outcome.BWins, outcome.Ties, outcome.AWins);

    private static double LogOdds(double rating) => (rating - 1000) * Math.Log(10) / 400;

    [Fact]
    public void Winning_three_quarters_of_the_time_is_400_log10_3_points_ahead()
    {
        var ratings = BradleyTerry.Fit(2, [new PairOutcome(0, 1, 75, 0, 25)]);

        (ratings[0] - ratings[1]).Should().BeApproximately(400 * Math.Log10(3), 1e-6);
        ratings.Average().Should().BeApproximately(1000, 1e-9);
    }

    [Fact]
    public void Ties_count_as_half_a_win_to_each_side()
    {
        var ratings = BradleyTerry.Fit(2, [new PairOutcome(0, 1, 70, 10, 20)]);

        (ratings[0] - ratings[1]).Should().BeApproximately(400 * Math.Log10(3), 1e-6);
    }

    [Fact]
    public void The_fit_solves_the_likelihood_equations()
    {
        var ratings = BradleyTerry.Fit(3, ThreeConditions);

        // At the maximum each condition's wins (ties halved) equal the wins the fitted strengths expect.
        for (var i = 0; i < 3; i++)
        {
            double observed = 0, expected = 0;
            foreach (var (a, b, aWins, ties, bWins) in ThreeConditions.Where(outcome => outcome.A == i || outcome.B == i).Select(outcome => outcome.A == i ? outcome : Swapped(outcome)))
            {
                observed += aWins + ties / 2.0;
                expected += (aWins + ties + bWins) / (1 + Math.Exp(LogOdds(ratings[b]) - LogOdds(ratings[a])));
            }
            observed.Should().BeApproximately(expected, 1e-8);
        }
    }

    [Fact]
    public void Listing_a_pair_from_the_other_side_changes_nothing()
    {
        var swapped = ThreeConditions.Select(Swapped).ToArray();

        BradleyTerry.Fit(3, swapped).Should().Equal(BradleyTerry.Fit(3, ThreeConditions));
        BradleyTerry.Rank(3, swapped, FewResamples).Should().Equal(BradleyTerry.Rank(3, ThreeConditions, FewResamples));
    }

    [Fact]
    public void A_pair_listed_twice_counts_both_listings()
    {
        PairOutcome[] split = [new(0, 1, 3, 2, 1), new(1, 0, 2, 1, 3)];

        BradleyTerry.Fit(2, split).Should().Equal(BradleyTerry.Fit(2, [new PairOutcome(0, 1, 6, 3, 3)]));
    }

    [Fact]
    public void Only_ties_rate_everyone_exactly_1000()
    {
        PairOutcome[] ties = [new(0, 1, 0, 12, 0), new(1, 2, 0, 7, 0), new(0, 2, 0, 3, 0)];

        BradleyTerry.Rank(3, ties, FewResamples).Should().OnlyContain(rating =>
            rating.Value == 1000 && rating.Low == 1000 && rating.High == 1000 && rating.Rank == 1);
    }

    [Fact]
    public void Ratings_average_1000()
    {
        BradleyTerry.Fit(3, ThreeConditions).Average().Should().BeApproximately(1000, 1e-9);
    }

    [Fact]
    public void A_condition_never_compared_stays_at_1000_in_the_fit_and_gets_no_rating()
    {
        var fit = BradleyTerry.Fit(3, [new PairOutcome(0, 1, 75, 0, 25)]);
        var ratings = BradleyTerry.Rank(3, [new PairOutcome(0, 1, 75, 0, 25)], FewResamples);

        fit[2].Should().Be(1000);
        ratings.Select(rating => rating.Condition).Should().Equal(0, 1);
        ratings[0].Value.Should().BeApproximately(1000 + 200 * Math.Log10(3), 1e-6);
        ratings.Select(rating => rating.N).Should().Equal(100, 100);
    }

    [Fact]
    public void A_condition_never_compared_takes_no_part_in_the_ranks()
    {
        // Condition 1's upper bound is far below 1000: the uncompared condition's point interval at 1000 used to count
        // as clearly above it, so the two compared conditions ranked 1 and 3.
        var ratings = BradleyTerry.Rank(3, [new PairOutcome(0, 1, 900, 0, 100)], FewResamples);

        ratings[1].High.Should().BeLessThan(1000);
        ratings.Select(rating => (rating.Condition, rating.Rank)).Should().Equal((0, 1), (1, 2));
    }

    [Fact]
    public void A_clean_sweep_gets_one_virtual_tie_per_pair_to_stay_finite()
    {
        var ratings = BradleyTerry.Fit(2, [new PairOutcome(0, 1, 3, 0, 0)]);

        // 3.5 wins to 0.5 with the virtual tie.
        (ratings[0] - ratings[1]).Should().BeApproximately(400 * Math.Log10(7), 1e-6);
    }

    [Fact]
    public void A_lopsided_pair_keeps_full_precision()
    {
        var ratings = BradleyTerry.Fit(2, [new PairOutcome(0, 1, 1_000_000_000, 0, 0)]);

        (ratings[0] - ratings[1]).Should().BeApproximately(400 * Math.Log10(2_000_000_001), 1e-9);
    }

    [Fact]
    public void Groups_never_compared_with_each_other_are_each_centred_and_only_a_sweeping_group_gets_virtual_ties()
    {
        var ratings = BradleyTerry.Fit(4, [new PairOutcome(0, 1, 5, 0, 0), new PairOutcome(2, 3, 1, 0, 3)]);

        (ratings[0] - ratings[1]).Should().BeApproximately(400 * Math.Log10(11), 1e-6);
        (ratings[3] - ratings[2]).Should().BeApproximately(400 * Math.Log10(3), 1e-6);
        (ratings[0] + ratings[1]).Should().BeApproximately(2000, 1e-9);
    }

    [Fact]
    public void A_condition_that_beats_every_other_ranks_first_alone()
    {
        PairOutcome[] outcomes =
        [
            new(3, 0, 40, 0, 0), new(1, 3, 0, 0, 40), new(3, 2, 40, 0, 0),
            new(0, 1, 20, 10, 20), new(1, 2, 20, 10, 20), new(0, 2, 20, 10, 20),
        ];

        var ratings = BradleyTerry.Rank(4, outcomes, FewResamples);

        ratings[3].Rank.Should().Be(1);
        ratings[3].Value.Should().BeGreaterThan(ratings.Where(rating => rating.Condition != 3).Max(rating => rating.High));
        ratings.Where(rating => rating.Condition != 3).Should().OnlyContain(rating => rating.Rank == 2);
    }

    [Fact]
    public void Intervals_contain_the_estimates()
    {
        BradleyTerry.Rank(3, ThreeConditions, FewResamples).Should().OnlyContain(rating =>
            rating.Low < rating.Value && rating.Value < rating.High);
    }

    [Fact]
    public void The_same_seed_gives_the_same_intervals_and_another_seed_other_ones()
    {
        var first = BradleyTerry.Rank(3, ThreeConditions, FewResamples, seed: 1);

        BradleyTerry.Rank(3, ThreeConditions, FewResamples, seed: 1).Should().Equal(first);
        BradleyTerry.Rank(3, ThreeConditions, FewResamples, seed: 2).Select(rating => rating.Low)
            .Should().NotEqual(first.Select(rating => rating.Low));
    }

    [Fact]
    public void Ranks_count_the_conditions_clearly_above()
    {
        PairOutcome[] ladder = [new(0, 1, 900, 0, 100), new(1, 2, 900, 0, 100), new(0, 2, 990, 0, 10)];

        BradleyTerry.Rank(3, ladder, FewResamples).Select(rating => rating.Rank).Should().Equal(1, 2, 3);
    }

    [Fact]
    public void A_pair_outside_the_condition_list_is_refused()
    {
        var act = () => BradleyTerry.Fit(2, [new PairOutcome(0, 2, 1, 0, 1)]);

        act.Should().Throw<ArgumentException>();
    }
}
