using Platform.Studies;

namespace Platform.Tests.Studies;

public sealed class DecisionGoalTests
{
    [Fact]
    public void A_pair_stops_once_its_interval_leaves_zero_or_its_budget_is_spent()
    {
        var goal = new DecisionGoal(BudgetPerPair: 300);

        var clear = goal.Assess(new UnitTally("ours vs base", Sum: 60, N: 100));
        var close = goal.Assess(new UnitTally("ours vs base", Sum: 3, N: 100));
        var spent = goal.Assess(new UnitTally("ours vs base", Sum: 9, N: 300));
        var losing = goal.Assess(new UnitTally("old vs base", Sum: -70, N: 100));

        (clear.Decision, clear.Stopped).Should().Be((Decision.Better, true));
        clear.Reason.Should().StartWith("decided after 100 judgments: G − B lies in [0.");
        (close.Decision, close.Stopped).Should().Be((Decision.Undecided, false));
        (spent.Decision, spent.Stopped, spent.Reason).Should().Be((Decision.Undecided, true, "budget of 300 judgments spent, undecided"));
        losing.Decision.Should().Be(Decision.Worse);
    }

    [Fact]
    public void Between_equal_conditions_checked_after_every_judgment_it_decides_wrongly_at_most_alpha_of_the_time()
    {
        // 1,000 simulated pairs with G − B = 0 (40 % ties), 400 judgments each, checked after every judgment: any decision is an error.
        var generator = new Random(17);
        var goal = new DecisionGoal(BudgetPerPair: 400);
        var wrong = 0;
        for (var s = 0; s < 1000; s++)
        {
            var sum = 0.0;
            for (var n = 1; n <= 400; n++)
            {
                var u = generator.NextDouble();
                sum += u < 0.3 ? 1 : u < 0.6 ? -1 : 0;
                if (goal.Assess(new UnitTally("a vs b", sum, n)).Decision == Decision.Undecided) continue;
                wrong++;
                break;
            }
        }

        (wrong / 1000.0).Should().BeLessThanOrEqualTo(0.05);
    }
}
