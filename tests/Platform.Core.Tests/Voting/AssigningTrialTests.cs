using Platform.Studies;
using Platform.Tests.Studies;
using Platform.Voting;

namespace Platform.Tests.Voting;

public sealed class AssigningTrialTests
{
    private static readonly StudySettings Settings = A.Pairwise() with { JudgmentsPerTrial = 2, TrialsPerParticipant = 10, GoldRate = 0.1 };
    private static readonly Dictionary<Guid, TrialLoad> NoLoads = [];
    private static readonly GoldSource[] NoGolds = [];
    private static readonly IEnumerable<int> Seeds = Enumerable.Range(0, 40);

    private static TrialAssigned? Next(ParticipantSession session, IReadOnlyList<PlannedTrial> plan, int seed,
        IReadOnlyDictionary<Guid, TrialLoad>? loads = null, IReadOnlyList<GoldSource>? golds = null, StudySettings? settings = null) =>
        AssigningTrial.Next(session, settings ?? Settings, plan, loads ?? NoLoads, golds ?? NoGolds, new Random(seed), A.Now);

    [Fact]
    public void A_session_never_gets_a_trial_it_has_seen_even_once_released()
    {
        var plan = ASession.Plan(Settings, 3);
        var session = ASession.Started().Judged(plan[0].TrialId).Assigned(plan[1].TrialId, plan[1].Videos[0], plan[1].Videos[1]).Released(plan[1].TrialId);

        var trials = Seeds.Select(seed => Next(session, plan, seed)!.TrialId).Distinct();

        trials.Should().Equal(plan[2].TrialId);
    }

    [Fact]
    public void A_trial_whose_live_load_reached_k_is_not_handed_out()
    {
        var plan = ASession.Plan(Settings, 3);
        var loads = new Dictionary<Guid, TrialLoad> { [plan[0].TrialId] = new(2, 2), [plan[1].TrialId] = new(3, 4), [plan[2].TrialId] = new(1, 6) };
        var full = new Dictionary<Guid, TrialLoad>(loads) { [plan[2].TrialId] = new(2, 6) };

        var trials = Seeds.Select(seed => Next(ASession.Started(), plan, seed, loads)!.TrialId).Distinct();

        trials.Should().Equal(plan[2].TrialId);
        Next(ASession.Started(), plan, seed: 1, full).Should().BeNull();
    }

    [Fact]
    public void The_least_loaded_trial_goes_first_whatever_its_history()
    {
        var plan = ASession.Plan(Settings, 3);
        var loads = new Dictionary<Guid, TrialLoad> { [plan[0].TrialId] = new(1, 1), [plan[1].TrialId] = new(0, 9), [plan[2].TrialId] = new(1, 1) };

        var trials = Seeds.Select(seed => Next(ASession.Started(), plan, seed, loads)!.TrialId).Distinct();

        trials.Should().Equal(plan[1].TrialId);
    }

    [Fact]
    public void Ties_are_broken_at_random()
    {
        var plan = ASession.Plan(Settings, 4);

        var trials = Seeds.Select(seed => Next(ASession.Started(), plan, seed)!.TrialId).Distinct();

        trials.Should().HaveCountGreaterThan(1);
    }

    [Fact]
    public void An_assignment_has_the_next_position_and_sides_from_how_often_the_trial_was_given()
    {
        var trial = ASession.Plan(Settings, 1).Single();
        var session = ASession.Started().JudgedOthers(2);
        var loads = new Dictionary<Guid, TrialLoad> { [trial.TrialId] = new(1, 1) };

        var assigned = Next(session, [trial], seed: 3, loads);

        assigned.Should().Be(new TrialAssigned(session.Id, A.StudyId, trial.TrialId, trial.Prompt, trial.Task, 2, trial.Videos[1], trial.Videos[0], false, null, A.Now));
    }

    [Fact]
    public void A_pairwise_gold_trial_sets_the_clean_video_against_its_frozen_copy()
    {
        var gold = new GoldSource(Guid.NewGuid(), "a");
        var plan = ASession.Plan(Settings, 3);

        var assigned = Seeds.Select(seed => Next(ASession.Started().JudgedOthers(5), plan, seed, golds: [gold])!).ToList();

        assigned.Should().OnlyContain(t => t.IsGold && t.TrialId == AssigningTrial.GoldTrialId(gold) && t.Position == 5);
        assigned.Should().OnlyContain(t => t.Left.VideoId == gold.VideoId && t.Right!.VideoId == gold.VideoId);
        assigned.Should().OnlyContain(t => t.CorrectChoice == (t.Left.Condition == "a" ? Choice.Left : Choice.Right));
        assigned.Select(t => t.Right!.Condition).Should().Contain(AssigningTrial.DegradedCondition).And.Contain("a");
    }

    [Fact]
    public void A_rating_gold_trial_shows_the_frozen_copy_and_expects_failure()
    {
        var settings = A.Rating() with { TrialsPerParticipant = 10, GoldRate = 0.1 };
        var gold = new GoldSource(Guid.NewGuid(), "a");

        var assigned = Next(ASession.Started().JudgedOthers(5), [], seed: 1, golds: [gold], settings: settings);

        assigned.Should().BeEquivalentTo(new { IsGold = true, Right = (TrialVideo?)null, CorrectChoice = Choice.Failure, Position = 5 });
        assigned!.Left.Should().Be(new TrialVideo(gold.VideoId, AssigningTrial.DegradedCondition));
    }

    [Fact]
    public void Gold_appears_only_at_gold_positions_and_only_once_per_source()
    {
        var gold = new GoldSource(Guid.NewGuid(), "a");
        var plan = ASession.Plan(Settings, 3);
        var beforeGold = ASession.Started().JudgedOthers(4);
        var goldSeen = ASession.Started().Judged(AssigningTrial.GoldTrialId(gold)).JudgedOthers(4);

        var notYet = Next(beforeGold, plan, seed: 2, golds: [gold]);
        var fallback = Next(goldSeen, plan, seed: 2, golds: [gold]);

        notYet!.IsGold.Should().BeFalse();
        fallback!.IsGold.Should().BeFalse();
        plan.Select(t => t.TrialId).Should().Contain(fallback.TrialId);
    }

    [Fact]
    public void A_session_that_has_done_its_trials_or_completed_gets_nothing()
    {
        var plan = ASession.Plan(Settings, 3);

        Next(ASession.Started().JudgedOthers(10), plan, seed: 1).Should().BeNull();
        Next(ASession.Started().JudgedOthers(3).Completed(), plan, seed: 1).Should().BeNull();
    }
}
