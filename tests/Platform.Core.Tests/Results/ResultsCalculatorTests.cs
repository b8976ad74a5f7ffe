using Platform.Results;
using Platform.Tests.Studies;
using Platform.Voting;
using static Platform.Tests.Results.Judgments;

namespace Platform.Tests.Results;

public class ResultsCalculatorTests
{
    private static readonly Platform.Studies.StudySettings GuidanceStudy = A.Pairwise("simdrop-0-1", "base").AgainstBaseline("base").WithTasks("dance");

    [Fact]
    public void Table_9_of_the_paper_10_good_27_same_1_bad_of_38()
    {
        // A is on the left in some answers and on the right in others: the shares follow the condition, not the side.
        var judgments = Pair("simdrop-0-1", "base", Choice.Left).Times(6)
            .Concat(Pair("base", "simdrop-0-1", Choice.Right).Times(4))
            .Concat(Pair("simdrop-0-1", "base", Choice.Same).Times(27))
            .Concat(Pair("base", "simdrop-0-1", Choice.Left).Times(1));

        var row = judgments.Compute(GuidanceStudy).Pairwise.Single(p => p.Task is null);

        row.Should().BeEquivalentTo(new { ConditionA = "simdrop-0-1", ConditionB = "base", N = 38, APreferred = 10, Same = 27, BPreferred = 1 });
        row.Good.Rate.Should().BeApproximately(0.2632, 5e-5);
        row.SameShare.Rate.Should().BeApproximately(0.7105, 5e-5);
        row.Bad.Rate.Should().BeApproximately(0.0263, 5e-5);
        row.GoodMinusBad.Should().BeApproximately(0.2368, 5e-5);
        row.Good.Low.Should().BeApproximately(0.1497, 5e-5);
        row.Good.High.Should().BeApproximately(0.4201, 5e-5);
    }

    [Fact]
    public void Pairwise_rows_come_over_all_tasks_and_per_task()
    {
        var settings = GuidanceStudy.WithTasks("dance", "gym");
        var judgments = Pair("simdrop-0-1", "base", Choice.Left, task: "dance").Times(3)
            .Concat(Pair("simdrop-0-1", "base", Choice.Right, task: "gym").Times(2));

        var rows = judgments.Compute(settings).Pairwise;

        rows.Select(r => (r.Task, r.N, r.APreferred, r.BPreferred)).Should().Equal((null, 5, 3, 2), ("dance", 3, 3, 0), ("gym", 2, 0, 2));
    }

    [Fact]
    public void Without_a_baseline_condition_b_is_the_one_later_in_the_study_s_order_not_the_key_that_sorts_later()
    {
        var judgments = Pair("alpha", "zeta", Choice.Left).Times(2);

        var row = judgments.Compute(A.Pairwise("zeta", "alpha")).Pairwise.Single(p => p.Task is null);

        (row.ConditionA, row.ConditionB, row.APreferred, row.BPreferred).Should().Be(("zeta", "alpha", 0, 2));
    }

    [Fact]
    public void Pairs_follow_the_study_s_order_of_conditions_whatever_their_keys_case_or_punctuation()
    {
        // Ordinal order would put "B.2" and "D_4" before "a_1" (capitals first), but not "c-3".
        var settings = A.Pairwise("a_1", "B.2", "c-3", "D_4");
        string[] keys = ["a_1", "B.2", "c-3", "D_4"];
        // Each pair answered once with the later condition on the left.
        var judgments = keys.SelectMany((a, i) => keys.Skip(i + 1).Select(b => Pair(b, a, Choice.Left)));

        var rows = judgments.Compute(settings).Pairwise.Where(p => p.Task is null).ToList();

        rows.Select(r => (r.ConditionA, r.ConditionB, r.APreferred, r.BPreferred)).Should().Equal(
            ("a_1", "B.2", 0, 1), ("a_1", "c-3", 0, 1), ("a_1", "D_4", 0, 1), ("B.2", "c-3", 0, 1), ("B.2", "D_4", 0, 1), ("c-3", "D_4", 0, 1));
    }

    [Fact]
    public void The_baseline_is_b_in_its_pairs_and_the_other_pairs_follow_the_study_s_order()
    {
        var settings = A.Pairwise("a_1", "B.2", "c-3", "D_4").AgainstBaseline("c-3") with { Pairing = Platform.Studies.PairingRule.AllPairs };
        Judgment[] judgments = [Pair("c-3", "a_1", Choice.Left), Pair("c-3", "D_4", Choice.Same), Pair("D_4", "B.2", Choice.Right)];

        var rows = judgments.Compute(settings).Pairwise.Where(p => p.Task is null).ToList();

        rows.Select(r => (r.ConditionA, r.ConditionB, r.APreferred, r.Same, r.BPreferred)).Should().Equal(
            ("a_1", "c-3", 0, 0, 1), ("B.2", "D_4", 1, 0, 0), ("D_4", "c-3", 0, 1, 0));
    }

    [Fact]
    public void Success_rates_per_condition_and_task_with_intervals()
    {
        var settings = A.Rating("base", "ours").WithTasks("gym", "dance");
        var judgments = Rated("ours", true, task: "gym").Times(61).Concat(Rated("ours", false, task: "gym").Times(39))
            .Concat(Rated("base", true, task: "dance").Times(0)).Concat(Rated("base", false, task: "dance").Times(10));

        var rows = judgments.Compute(settings).Success;

        rows.Select(r => (r.Condition, r.Task, r.N, r.Successes)).Should().Equal(
            ("base", null, 10, 0), ("base", "dance", 10, 0), ("ours", null, 100, 61), ("ours", "gym", 100, 61));
        var gym = rows.Single(r => r.Condition == "ours" && r.Task == "gym");
        gym.Rate.Should().Be(0.61);
        gym.Low.Should().BeApproximately(0.5121, 5e-4);
        gym.High.Should().BeApproximately(0.7000, 5e-4);
        rows[0].Low.Should().Be(0);
    }

    [Fact]
    public void The_ranking_puts_a_condition_that_always_wins_first()
    {
        var settings = A.Pairwise("a", "b", "c");
        var judgments = Pair("a", "b", Choice.Left).Times(20).Concat(Pair("c", "a", Choice.Right).Times(20))
            .Concat(Pair("b", "c", Choice.Left).Times(12)).Concat(Pair("b", "c", Choice.Right).Times(8));

        var ranking = judgments.Compute(settings).Ranking;

        ranking[0].Condition.Should().Be("a");
        ranking[0].Rank.Should().Be(1);
        ranking.Average(r => r.Rating).Should().BeApproximately(1000, 1e-6);
        ranking.Should().OnlyContain(r => r.Low <= r.Rating && r.Rating <= r.High);
        ranking.Single(r => r.Condition == "a").N.Should().Be(40);
    }

    [Fact]
    public void A_condition_never_compared_is_not_ranked_and_does_not_push_the_others_down()
    {
        var settings = A.Pairwise("a", "b", "never");
        var judgments = Pair("a", "b", Choice.Left).Times(90).Concat(Pair("a", "b", Choice.Right).Times(10));

        var ranking = judgments.Compute(settings).Ranking;

        ranking.Select(r => (r.Condition, r.Rank)).Should().Equal(("a", 1), ("b", 2));
        ranking.Single(r => r.Condition == "b").High.Should().BeLessThan(1000);
    }

    [Fact]
    public void A_rerun_gives_the_same_numbers()
    {
        var judgments = Pair("a", "b", Choice.Left).Times(7).Concat(Pair("a", "b", Choice.Right).Times(5)).ToList();

        var first = judgments.Compute(A.Pairwise());
        var second = judgments.Compute(A.Pairwise());

        second.Ranking.Should().BeEquivalentTo(first.Ranking, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Agreement_maps_answers_to_the_canonical_order_of_the_pair()
    {
        // Two participants agree that b is better, one seeing b on the left and one on the right: perfect agreement.
        var judgments = new[]
        {
            Pair("a", "b", Choice.Right, "p1", unit: "t1"), Pair("b", "a", Choice.Left, "p2", unit: "t1"),
            Pair("a", "b", Choice.Left, "p1", unit: "t2"), Pair("b", "a", Choice.Right, "p2", unit: "t2"),
            Pair("a", "b", Choice.Same, "p1", unit: "t3"),
        };

        var agreement = judgments.Compute(A.Pairwise()).Agreement;

        agreement.Should().Be(new AgreementRow(1.0, 2));
    }

    [Fact]
    public void Position_bias_counts_the_left_video_winning_among_non_ties()
    {
        var judgments = Pair("a", "b", Choice.Left).Times(15).Concat(Pair("b", "a", Choice.Right).Times(5)).Concat(Pair("a", "b", Choice.Same).Times(9));

        var bias = judgments.Compute(A.Pairwise()).PositionBias;

        (bias!.LeftWins, bias.N, bias.Rate).Should().Be((15, 20, 0.75));
        bias.PValue.Should().BeApproximately(0.04138947, 1e-7); // R: binom.test(15, 20)$p.value
    }

    [Fact]
    public void Gold_trials_screen_participants_but_never_count_in_the_figures()
    {
        var judgments = Pair("a", "b", Choice.Left).Times(3).Append(Gold(correct: true));

        var results = judgments.Compute(A.Pairwise());

        results.Judgments.Should().Be(3);
        results.GoldJudgments.Should().Be(1, "gold judgments are counted, apart");
        results.Pairwise.Single(p => p.Task is null).N.Should().Be(3);
        results.ParticipantQuality.Single().GoldAccuracy.Should().Be(1);
    }

    [Fact]
    public void Exclusions_leave_out_participants_who_failed_gold_unless_asked_for_all()
    {
        var settings = A.Pairwise() with { Exclusions = new Platform.Studies.ExclusionRules(MaxGoldFailureRate: 0.5) };
        var judgments = Pair("a", "b", Choice.Left, "careful").Times(4).Append(Gold(true, "careful"))
            .Concat(Pair("a", "b", Choice.Right, "careless").Times(4)).Append(Gold(false, "careless")).ToList();

        var after = judgments.Compute(settings);
        var all = judgments.Compute(settings, new ResultsOptions(ApplyExclusions: false, Resamples: 50));

        (after.Judgments, after.Participants, after.ExcludedParticipants).Should().Be((4, 2, 1));
        (after.GoldJudgments, all.GoldJudgments).Should().Be((1, 2), "the excluded participant's gold judgment goes with them");
        after.Pairwise.Single(p => p.Task is null).APreferred.Should().Be(4);
        (all.Judgments, all.ExcludedParticipants, all.ExclusionsApplied).Should().Be((8, 1, false), "the count says whom the rules flag");
        all.ParticipantQuality.Single(q => q.ParticipantId == "careless").Excluded.Should().BeTrue("the flag says what the rules would do");
    }

    [Fact]
    public void A_task_filter_computes_over_that_task_only()
    {
        var settings = A.Pairwise().WithTasks("dance", "gym");
        var judgments = Pair("a", "b", Choice.Left, task: "dance").Times(3).Concat(Pair("a", "b", Choice.Right, task: "gym").Times(2));

        var gym = judgments.Compute(settings, new ResultsOptions(Task: "gym", Resamples: 50));

        (gym.Task, gym.Judgments).Should().Be(("gym", 2));
        gym.Pairwise.Should().ContainSingle().Which.Should().Match<PairwiseRow>(p => p.Task == "gym" && p.BPreferred == 2 && p.APreferred == 0,
            "a row over all tasks would hold only gym's answers under the name of all");
    }

    [Fact]
    public void A_task_filter_on_a_rating_study_gives_that_tasks_success_rows_only()
    {
        var settings = A.Rating("a", "b").WithTasks("dance", "gym");
        var judgments = Rated("a", true, task: "dance").Times(3).Concat(Rated("a", false, task: "gym").Times(2));

        var gym = judgments.Compute(settings, new ResultsOptions(Task: "gym", Resamples: 50));

        gym.Success.Should().ContainSingle().Which.Should().Match<SuccessRow>(r => r.Task == "gym" && r.N == 2 && r.Successes == 0);
    }

    [Fact]
    public void A_task_filter_keeps_out_participants_excluded_for_their_gold_trials()
    {
        // Gold trials belong to no task: screening must look at all of a participant's answers.
        var settings = A.Pairwise().WithTasks("dance", "gym") with { Exclusions = new Platform.Studies.ExclusionRules(MaxGoldFailureRate: 0) };
        var judgments = Pair("a", "b", Choice.Left, "careless", task: "gym").Times(3).Append(Gold(false, "careless"))
            .Concat(Pair("a", "b", Choice.Right, "careful", task: "gym").Times(2)).Append(Gold(true, "careful"))
            .Concat(Pair("a", "b", Choice.Right, "dancer", task: "dance").Times(2));

        var gym = judgments.Compute(settings, new ResultsOptions(Task: "gym", Resamples: 50));

        (gym.Judgments, gym.Participants, gym.ExcludedParticipants).Should().Be((2, 2, 1));
        gym.ParticipantQuality.Select(q => q.ParticipantId).Should().Equal("careful", "careless");
    }

    [Fact]
    public void A_study_without_tasks_has_rows_over_all_tasks_only()
    {
        var pairs = Pair("a", "b", Choice.Left, task: "").Times(2).Compute(A.Pairwise());
        var ratings = Rated("a", true, task: "").Times(2).Compute(A.Rating());

        pairs.Pairwise.Should().ContainSingle().Which.Task.Should().BeNull();
        ratings.Success.Should().ContainSingle().Which.Task.Should().BeNull();
        ratings.PositionBias.Should().BeNull("ratings have no sides");
    }

    [Fact]
    public void Answers_of_the_wrong_shape_or_unknown_conditions_are_left_out()
    {
        var judgments = new[] { Pair("a", "b", Choice.Left), Rated("a", true), Pair("a", "gone", Choice.Left), Pair("a", "b", Choice.Success) };

        judgments.Compute(A.Pairwise()).Judgments.Should().Be(1);
        judgments.Compute(A.Rating("a", "b")).Judgments.Should().Be(1);
    }

    [Fact]
    public void No_judgments_give_empty_tables_not_errors()
    {
        var results = Array.Empty<Judgment>().Compute(A.Pairwise());

        results.Judgments.Should().Be(0);
        results.Pairwise.Should().BeEmpty();
        results.Ranking.Should().BeEmpty("a condition never compared has no rating");
        results.Agreement.Should().Be(new AgreementRow(null, 0));
        results.PositionBias.Should().Be(new PositionBiasRow(0, 0, 0, 0, 1, 1));
    }
}
