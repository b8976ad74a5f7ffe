using Platform.Results;
using Platform.Studies;

namespace Platform.Tests.Studies;

public sealed class PrecisionGoalTests
{
    [Fact]
    public void The_judgments_needed_are_the_fewest_whose_interval_is_narrow_enough()
    {
        var goal = new PrecisionGoal(HalfWidth: 0.1);
        var needed = goal.JudgmentsPerUnit;
        var rho = ConfidenceSequence.MixingFor(200, 0.5, 0.05);

        ConfidenceSequence.Radius(needed, 0.5, 0.05, rho).Should().BeLessThanOrEqualTo(0.1);
        ConfidenceSequence.Radius(needed - 1, 0.5, 0.05, rho).Should().BeGreaterThan(0.1);
        needed.Should().BeInRange(96, 400, "more than the 96 a fixed-n ±0.1 needs, the price of checking after every judgment");
    }

    [Fact]
    public void A_unit_is_met_once_it_has_its_judgments_and_says_how_many_it_still_needs_before()
    {
        var goal = new PrecisionGoal(HalfWidth: 0.1);
        var needed = goal.JudgmentsPerUnit;

        var early = goal.Assess(new UnitTally("ours", 30, 50));
        var done = goal.Assess(new UnitTally("ours", needed * 0.6, needed));

        (early.Met, early.Remaining, early.Mean).Should().Be((false, needed - 50, 0.6));
        (early.High - early.Low).Should().BeGreaterThan(0.2);
        (done.Met, done.Remaining).Should().Be((true, 0L));
        (done.High - done.Mean).Should().BeLessThanOrEqualTo(0.1 + 1e-12);
        goal.IsMet([new UnitTally("ours", 1, needed), new UnitTally("base", 0, needed - 1)]).Should().BeFalse();
    }
}
