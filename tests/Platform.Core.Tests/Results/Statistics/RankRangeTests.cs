using Platform.Results;

namespace Platform.Tests.Results.Statistics;

public class RankRangeTests
{
    [Fact]
    public void Three_conditions_whose_intervals_overlap_could_each_be_anywhere_from_first_to_third()
    {
        // The report: 1161, 920 and 920 all shown as "1.", though the data cannot order them.
        var ranges = RankRange.Of([(900, 1400), (700, 1150), (690, 1140)]);

        ranges.Select(r => r.ToString()).Should().Equal("1–3", "1–3", "1–3");
    }

    [Fact]
    public void A_condition_above_every_other_for_certain_takes_one_place_and_the_others_share_the_rest()
    {
        var ranges = RankRange.Of([(1100, 1200), (900, 1000), (950, 1050)]);

        ranges.Should().Equal(new RankRange(1, 1), new RankRange(2, 3), new RankRange(2, 3));
        ranges[0].ToString().Should().Be("1");
    }

    [Fact]
    public void In_a_chain_of_overlaps_each_condition_gets_the_places_its_own_overlaps_allow()
    {
        // a overlaps b only, b overlaps both, c overlaps b only: c is above a for certain.
        var ranges = RankRange.Of([(0, 10), (8, 20), (18, 30)]);

        ranges.Select(r => r.ToString()).Should().Equal("2–3", "1–3", "1–2");
    }

    [Fact]
    public void Intervals_apart_give_each_condition_its_single_place_and_one_condition_is_first()
    {
        RankRange.Of([(10, 20), (30, 40), (50, 60)]).Select(r => r.ToString()).Should().Equal("3", "2", "1");
        RankRange.Of([(990, 1010)]).Should().Equal(new RankRange(1, 1));
        RankRange.Of([]).Should().BeEmpty();
    }

    [Fact]
    public void The_bradley_terry_ranking_carries_best_and_worst_places()
    {
        // a beats b and c often; b and c are even: a is first for certain, b and c share second and third.
        var outcomes = new List<PairOutcome> { new(0, 1, 90, 0, 10), new(0, 2, 90, 0, 10), new(1, 2, 50, 0, 50) };

        var ratings = BradleyTerry.Rank(3, outcomes, resamples: 200);

        ratings.Select(r => (r.Condition, r.Rank, r.WorstRank)).Should().Equal((0, 1, 1), (1, 2, 3), (2, 2, 3));
    }
}
