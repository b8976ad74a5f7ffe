using Platform.Studies;

namespace Platform.Tests.Studies;

public sealed class DifferenceGoalTests
{
    private static readonly GoalUnit Pair = new("ours vs base", "ours", "base");

    [Fact]
    public void The_interval_for_G_minus_B_is_the_range_over_the_intervals_for_ties_and_for_the_preferred_share()
    {
        var goal = new DifferenceGoal(HalfWidth: 0.1, Alpha: 0.05, PlannedPerUnit: 400);

        var (low, high) = goal.Interval(120, 200, 80);

        var estimate = (120.0 - 80) / 400;
        low.Should().BeLessThan(estimate);
        high.Should().BeGreaterThan(estimate);
        (low, high).Should().Be(goal.Interval(120, 200, 80), "a pure function of the counts");
        goal.Interval(0, 0, 0).Should().Be((-1.0, 1.0));
    }

    [Fact]
    public void Many_ties_narrow_the_interval_where_a_bound_on_the_minus_one_to_one_scale_would_not()
    {
        var goal = new DifferenceGoal(HalfWidth: 0.1, PlannedPerUnit: 400);
        var twoWay = goal with { TiesPossible = false };

        // The same 400 judgments and the same share preferring ours among the others (0.6); 70 % ties against none.
        var (tieLow, tieHigh) = goal.Interval(72, 280, 48);
        var (freeLow, freeHigh) = twoWay.Interval(240, 0, 160);

        (tieHigh - tieLow).Should().BeLessThan(0.8 * (freeHigh - freeLow));
    }

    [Fact]
    public void Equal_conditions_with_many_ties_are_covered_at_least_one_minus_alpha_of_the_time_when_checked_after_every_judgment()
    {
        var generator = new Random(23);
        var goal = new DifferenceGoal(HalfWidth: 0.05, PlannedPerUnit: 400);
        var missed = 0;
        for (var s = 0; s < 400; s++)
        {
            var (first, same, second) = (0L, 0L, 0L);
            for (var n = 1; n <= 400; n++)
            {
                var u = generator.NextDouble();
                if (u < 0.2) first++;
                else if (u < 0.4) second++;
                else same++;
                var (low, high) = goal.Interval(first, same, second);
                if (low <= 0 && 0 <= high) continue;
                missed++;
                break;
            }
        }

        (missed / 400.0).Should().BeLessThanOrEqualTo(0.05);
    }

    [Fact]
    public void A_unit_is_met_when_its_interval_is_at_most_h_either_side_and_projects_what_it_still_needs_before()
    {
        var goal = new DifferenceGoal(HalfWidth: 0.15, PlannedPerUnit: 400);

        var early = goal.Assess(new UnitCounts(Pair, 20, 50, 10));
        var needed = early.Remaining + early.N;
        var later = goal.Assess(new UnitCounts(Pair, needed * 2 / 8, needed * 5 / 8, needed / 8 + 3));

        (early.Met, early.Remaining > 0).Should().Be((false, true));
        later.Met.Should().BeTrue();
    }
}
