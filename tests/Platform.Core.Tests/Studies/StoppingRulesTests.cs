using Platform.Studies;

namespace Platform.Tests.Studies;

public sealed class StoppingRulesTests
{
    private static readonly StudySettings Baseline = A.Pairwise("a", "b", "base").AgainstBaseline("base");
    private static readonly StudySettings Ranking = A.Pairwise("a", "b", "c");

    private static IReadOnlyList<UnitCounts> Counts(StudySettings settings, params (string Key, long First, long Same, long Second)[] rows) =>
        GoalUnits.Count(settings, rows.ToDictionary(r => r.Key, r => new[] { r.First, r.Same, r.Second }));

    [Fact]
    public void Against_a_baseline_each_pair_stops_when_decided_or_out_of_budget_and_the_study_when_every_pair_has()
    {
        var goal = new StudyGoal(GoalKind.BeatsBaseline, BudgetPerUnit: 300);

        var running = StoppingRules.Assess(goal, Counts(Baseline, ("a vs base", 80, 10, 10), ("b vs base", 40, 20, 40)));
        var spent = StoppingRules.Assess(goal, Counts(Baseline, ("a vs base", 80, 10, 10), ("b vs base", 150, 0, 150)));

        running.Units.Select(u => (u.Unit, u.State)).Should().Equal(("a vs base", UnitState.Decided), ("b vs base", UnitState.Open));
        (running.Met, running.Judgments).Should().Be((false, 200));
        running.ProjectedRemaining.Should().Be(200, "an even pair is projected to spend the rest of its budget");
        running.Outcome.Should().Be("1 of 2 units still open");
        spent.Units[1].State.Should().Be(UnitState.BudgetSpent);
        (spent.Met, spent.Outcome).Should().Be((true, "every unit stopped; 1 with its budget spent before its goal"));
    }

    [Fact]
    public void A_decision_spends_alpha_split_over_the_pairs_so_any_wrong_decision_in_the_study_stays_under_alpha()
    {
        var goal = new StudyGoal(GoalKind.BeatsBaseline, Alpha: 0.05, BudgetPerUnit: 300);
        var counts = Counts(Baseline, ("a vs base", 60, 20, 20));
        var status = StoppingRules.Assess(goal, counts);
        var alone = new DecisionGoal(300, 0.025).Assess(counts[0]);

        (status.Units[0].Low, status.Units[0].High).Should().Be((alone.Low, alone.High));
        status.Units[0].Low.Should().BeLessThan(new DecisionGoal(300, 0.05).Assess(counts[0]).Low);
        status.Measure.Should().Be("share preferring the first condition, ties left out");
    }

    [Fact]
    public void The_baseline_counts_as_the_second_condition_whatever_the_keys_order()
    {
        // "base" sorts before "zed": the tallies keep base first, the goal still reads G − B for zed.
        var settings = A.Pairwise("zed", "base").AgainstBaseline("base");
        var counts = GoalUnits.Count(settings, new Dictionary<string, long[]> { ["base vs zed"] = [10, 0, 30] });

        counts.Single().Should().Be(new UnitCounts(new GoalUnit("zed vs base", "zed", "base"), 30, 0, 10));
    }

    [Fact]
    public void A_ranking_stops_once_one_condition_alone_is_unbeaten_and_drops_pairs_of_beaten_conditions_before()
    {
        var goal = new StudyGoal(GoalKind.TopCondition, BudgetPerUnit: 300);

        var midway = StoppingRules.Assess(goal, Counts(Ranking, ("a vs b", 90, 0, 10), ("a vs c", 30, 40, 30), ("b vs c", 30, 40, 30)));
        var done = StoppingRules.Assess(goal, Counts(Ranking, ("a vs b", 90, 0, 10), ("a vs c", 85, 5, 10), ("b vs c", 30, 40, 30)));

        midway.Units.Select(u => u.State).Should().Equal(UnitState.Decided, UnitState.Open, UnitState.OutOfRace);
        (midway.Met, midway.Top).Should().Be((false, null));
        (done.Met, done.Top, done.Outcome).Should().Be((true, "a", "top condition identified: a"));
    }

    [Fact]
    public void A_ranking_whose_leaders_spend_their_budget_says_which_are_still_standing()
    {
        var goal = new StudyGoal(GoalKind.TopCondition, BudgetPerUnit: 100);

        var status = StoppingRules.Assess(goal, Counts(Ranking, ("a vs b", 40, 20, 40), ("a vs c", 90, 0, 10), ("b vs c", 90, 0, 10)));

        (status.Met, status.Top).Should().Be((true, null));
        status.Outcome.Should().Be("budget spent before one condition stood out; still standing: a, b");
    }

    [Fact]
    public void A_precision_goal_is_met_by_each_unit_at_the_count_its_interval_reaches_h()
    {
        var settings = A.Rating("a", "b");
        var goal = new StudyGoal(GoalKind.RatePrecision, HalfWidth: 0.1, BudgetPerUnit: 1000);
        var needed = StoppingRules.PrecisionFor(goal).JudgmentsPerUnit;

        var status = StoppingRules.Assess(goal, Counts(settings, ("a", needed / 2, 0, needed - needed / 2), ("b", 10, 0, 10)));

        needed.Should().BeInRange(100, 1000);
        status.Units.Select(u => u.State).Should().Equal(UnitState.Met, UnitState.Open);
        (status.Units[0].High - status.Units[0].Low).Should().BeLessThanOrEqualTo(0.2);
        status.ProjectedRemaining.Should().Be(needed - 20);
    }

    [Fact]
    public void A_goal_that_does_not_fit_the_design_is_refused_by_field()
    {
        var problems = new StudyGoal(GoalKind.TopCondition).Problems(Baseline).Select(p => p.Field);
        var precise = new StudyGoal(GoalKind.DifferencePrecision, HalfWidth: 0).Problems(Baseline).Select(p => p.Field);

        problems.Should().Equal("goal.kind");
        precise.Should().Equal("goal.halfWidth");
        new StudyGoal(GoalKind.RatePrecision).Problems(A.Rating()).Should().BeEmpty();
    }

    [Fact]
    public void A_ranking_rating_is_the_mean_of_its_pairs_elo_bounds_and_pairs_stop_once_both_their_ratings_are_narrow()
    {
        var goal = new StudyGoal(GoalKind.RankingPrecision, BudgetPerUnit: 5000, EloWidth: 200);
        var counts = Counts(Ranking, ("a vs b", 600, 0, 400), ("a vs c", 3000, 0, 1000), ("b vs c", 40, 0, 20));
        var rule = StoppingRules.DecisionFor(goal, 3);
        var (ab, ac) = (rule.Assess(counts[0]), rule.Assess(counts[1]));

        var status = StoppingRules.Assess(goal, counts);

        var a = status.Ratings!.Single(r => r.Unit == "a");
        a.Low.Should().BeApproximately((RankingPrecision.Elo(ab.Low) + RankingPrecision.Elo(ac.Low)) / 3, 1e-9);
        a.High.Should().BeApproximately((RankingPrecision.Elo(ab.High) + RankingPrecision.Elo(ac.High)) / 3, 1e-9);
        a.Mean.Should().BeApproximately((RankingPrecision.Elo(600.5 / 1001) + RankingPrecision.Elo(3000.5 / 4001)) / 3, 1e-9);
        status.Ratings!.Select(r => (r.Unit, r.State)).Should().Equal(("a", UnitState.Met), ("b", UnitState.Open), ("c", UnitState.Open));
        status.Units.Should().OnlyContain(u => u.State == UnitState.Open, "b and c are still too wide, and each pair touches one of them");
        status.Measure.Should().Be("share preferring the first condition, ties left out");
    }

    [Fact]
    public void A_ranking_projects_a_pair_won_every_time_to_its_budget_and_each_wide_rating_to_its_slowest_open_pair()
    {
        var goal = new StudyGoal(GoalKind.RankingPrecision, BudgetPerUnit: 1000, EloWidth: 600);
        var status = StoppingRules.Assess(goal, Counts(Ranking, ("a vs b", 80, 0, 0), ("a vs c", 75, 0, 5), ("b vs c", 40, 0, 40)));

        status.Units.Select(u => (u.Unit, u.Remaining)).Should().StartWith(("a vs b", 920), "no finite Elo bound before b wins once");
        status.Ratings!.Single(r => r.Unit == "a").Remaining.Should().Be(920);
        status.Ratings!.Where(r => r.IsOpen).Should().OnlyContain(r => r.Remaining > 0, "a rating still too wide is never projected to need nothing");
    }

    [Theory]
    [InlineData(0.5, 150)]
    [InlineData(0.9, 150)]
    [InlineData(0.1, 400)]
    public void The_radius_a_width_in_elo_points_allows_is_the_one_whose_interval_is_that_wide(double share, double width)
    {
        var r = RankingPrecision.Radius(share, width);

        (RankingPrecision.Elo(share + r) - RankingPrecision.Elo(share - r)).Should().BeApproximately(width, 1e-6);
        RankingPrecision.Radius(0.5, 150).Should().BeApproximately(0.5 * (Math.Pow(10, 150 / 800.0) - 1) / (Math.Pow(10, 150 / 800.0) + 1), 1e-9);
    }

    [Fact]
    public void Elo_points_follow_the_log_odds_of_the_share()
    {
        RankingPrecision.Elo(0.5).Should().Be(0);
        RankingPrecision.Elo(10 / 11.0).Should().BeApproximately(400, 1e-9);
        RankingPrecision.Elo(1).Should().Be(double.PositiveInfinity);
        RankingPrecision.Elo(0).Should().Be(double.NegativeInfinity);
    }

    [Fact]
    public void A_unit_that_stopped_stays_stopped_on_the_interval_it_stopped_with_whatever_answers_come_after()
    {
        var goal = new StudyGoal(GoalKind.BeatsBaseline, BudgetPerUnit: 300);
        var decided = StoppingRules.Assess(goal, Counts(Baseline, ("a vs base", 80, 10, 10), ("b vs base", 40, 20, 40)));
        var record = StoppingRules.NewlyStopped(decided, new Dictionary<string, UnitOutcome>()).ToDictionary(u => u.Unit);

        // Late answers (trials handed out before the stop) all for the baseline: the counts alone would reopen the pair.
        var later = Counts(Baseline, ("a vs base", 80, 10, 60), ("b vs base", 40, 20, 40));
        var forgetful = StoppingRules.Assess(goal, later);
        var kept = StoppingRules.Assess(goal, later, stopped: record);

        record.Keys.Should().Equal("a vs base");
        forgetful.Units[0].State.Should().Be(UnitState.Open);
        kept.Units[0].Should().Match<UnitStatus>(u => u.State == UnitState.Decided && u.N == 100 && u.Mean == decided.Units[0].Mean
            && u.Low == decided.Units[0].Low && u.High == decided.Units[0].High, "the unit as it stopped");
        kept.Judgments.Should().Be(250, "the study's count has every answer");
        StoppingRules.NewlyStopped(kept, record).Should().BeEmpty();
    }

    [Fact]
    public void Every_goal_field_is_checked_whether_its_kind_uses_it_or_not()
    {
        var problems = new StudyGoal(GoalKind.BeatsBaseline, HalfWidth: double.PositiveInfinity, EloWidth: -5).Problems(Baseline).Select(p => p.Field);

        problems.Should().Equal("goal.halfWidth", "goal.eloWidth");
    }
}
