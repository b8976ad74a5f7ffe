using Platform.Studies;

namespace Platform.Tests.Studies;

public sealed class GoldScheduleTests
{
    [Theory]
    [InlineData(10, 0.1, 1)]
    [InlineData(20, 0.1, 2)]
    [InlineData(10, 0.25, 3)]
    [InlineData(7, 0.5, 4)]
    [InlineData(1, 0.5, 1)]
    [InlineData(3, 0.1, 0)]
    [InlineData(40, 0.0, 0)]
    public void A_participant_meets_round_T_times_rate_gold_trials(int trials, double rate, int gold)
    {
        GoldSchedule.Count(trials, rate).Should().Be(gold);
        Positions(trials, rate).Should().HaveCount(gold);
    }

    [Theory]
    [InlineData(10, 0.2)]
    [InlineData(30, 0.1)]
    [InlineData(7, 0.5)]
    [InlineData(100, 0.33)]
    [InlineData(500, 0.5)]
    public void Gold_positions_are_distinct_and_evenly_spread(int trials, double rate)
    {
        var positions = Positions(trials, rate);
        var gold = GoldSchedule.Count(trials, rate);

        var gaps = positions.Zip(positions.Skip(1), (a, b) => b - a).ToList();

        positions.Should().OnlyHaveUniqueItems().And.HaveCount(gold);
        gaps.Should().OnlyContain(g => g == trials / gold || g == (trials + gold - 1) / gold);
        positions[0].Should().BeLessThanOrEqualTo(trials / gold);
        positions[^1].Should().BeGreaterThanOrEqualTo(trials - (trials + gold - 1) / gold);
    }

    [Fact]
    public void Two_gold_trials_in_ten_sit_at_the_middle_of_each_half()
    {
        Positions(10, 0.2).Should().Equal(2, 7);
    }

    [Fact]
    public void A_rate_of_zero_puts_gold_nowhere()
    {
        Enumerable.Range(0, 50).Should().NotContain(p => GoldSchedule.IsGoldPosition(p, 50, 0));
    }

    private static List<int> Positions(int trials, double rate) =>
        [.. Enumerable.Range(0, trials).Where(p => GoldSchedule.IsGoldPosition(p, trials, rate))];
}
