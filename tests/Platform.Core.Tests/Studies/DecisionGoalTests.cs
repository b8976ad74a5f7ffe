using Platform.Studies;

namespace Platform.Tests.Studies;

public sealed class DecisionGoalTests
{
    private static readonly GoalUnit Pair = new("ours vs base", "ours", "base");

    private static UnitCounts Counts(long first, long same, long second) => new(Pair, first, same, second);

    [Fact]
    public void A_pair_stops_once_the_share_preferring_it_leaves_one_half_or_its_budget_is_spent()
    {
        var goal = new DecisionGoal(BudgetPerPair: 300);

        var clear = goal.Assess(Counts(70, 20, 10));
        var close = goal.Assess(Counts(40, 20, 40));
        var spent = goal.Assess(Counts(100, 100, 100));
        var losing = goal.Assess(Counts(10, 20, 70));

        (clear.Decision, clear.Stopped, clear.Share).Should().Be((Decision.Better, true, 70.0 / 80));
        clear.Reason.Should().StartWith("decided after 100 judgments: the share preferring ours, ties left out, lies in [0.");
        (close.Decision, close.Stopped).Should().Be((Decision.Undecided, false));
        (spent.Decision, spent.Stopped, spent.Reason).Should().Be((Decision.Undecided, true, "budget of 300 judgments spent, undecided"));
        losing.Decision.Should().Be(Decision.Worse);
    }

    [Fact]
    public void Ties_leave_the_interval_as_it_was_so_a_tie_heavy_pair_decides_on_its_preferences_alone()
    {
        var goal = new DecisionGoal(BudgetPerPair: 1000);

        var few = goal.Assess(Counts(30, 0, 10));
        var manyTies = goal.Assess(Counts(30, 160, 10));

        (manyTies.Low, manyTies.High).Should().Be((few.Low, few.High));
        manyTies.N.Should().Be(200);
    }

    [Fact]
    public void The_projection_counts_the_ties_a_pair_will_also_need()
    {
        var goal = new DecisionGoal(BudgetPerPair: 5000);

        var tieFree = goal.Projected(Counts(30, 0, 20));
        var halfTies = goal.Projected(Counts(30, 50, 20));

        halfTies.Should().BeInRange(2 * tieFree - 2, 2 * tieFree + 2, "one answer in two is a tie, so each preference takes two judgments");
        goal.Projected(Counts(5, 0, 3)).Should().Be(5000 - 8, "eight answers are too few to project from");
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
            var (first, same, second) = (0L, 0L, 0L);
            for (var n = 1; n <= 400; n++)
            {
                var u = generator.NextDouble();
                if (u < 0.3) first++;
                else if (u < 0.6) second++;
                else same++;
                if (goal.Assess(Counts(first, same, second)).Decision == Decision.Undecided) continue;
                wrong++;
                break;
            }
        }

        (wrong / 1000.0).Should().BeLessThanOrEqualTo(0.05);
    }
}
