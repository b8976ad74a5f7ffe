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
        var loads = new Dictionary<Guid, TrialLoad> { [plan[0].TrialId] = new(2), [plan[1].TrialId] = new(3), [plan[2].TrialId] = new(1) };
        var full = new Dictionary<Guid, TrialLoad>(loads) { [plan[2].TrialId] = new(2) };

        var trials = Seeds.Select(seed => Next(ASession.Started(), plan, seed, loads)!.TrialId).Distinct();

        trials.Should().Equal(plan[2].TrialId);
        Next(ASession.Started(), plan, seed: 1, full).Should().BeNull();
    }

    [Fact]
    public void A_trial_found_full_when_claimed_is_passed_over_for_the_next_choice()
    {
        var plan = ASession.Plan(Settings, 2);
        var full = new HashSet<Guid> { plan[0].TrialId };

        var trials = Seeds.Select(seed => AssigningTrial.Next(ASession.Started(), Settings, plan, NoLoads, NoGolds, new Random(seed), A.Now, full)!.TrialId).Distinct();

        trials.Should().Equal(plan[1].TrialId);
        AssigningTrial.Next(ASession.Started(), Settings, plan, NoLoads, NoGolds, new Random(1), A.Now, new HashSet<Guid> { plan[0].TrialId, plan[1].TrialId }).Should().BeNull();
    }

    [Fact]
    public void The_least_loaded_trial_goes_first()
    {
        var plan = ASession.Plan(Settings, 3);
        var loads = new Dictionary<Guid, TrialLoad> { [plan[0].TrialId] = new(1), [plan[1].TrialId] = new(0), [plan[2].TrialId] = new(1) };

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
    public void An_assignment_has_the_next_position_and_the_side_its_trial_was_shown_less()
    {
        var trial = ASession.Plan(Settings, 1).Single();
        var session = ASession.Started().JudgedOthers(2);
        var loads = new Dictionary<Guid, TrialLoad> { [trial.TrialId] = new(1, [trial.Videos[0].Condition]) };

        var assigned = Seeds.Select(seed => Next(session, [trial], seed, loads)).Distinct().ToList();

        assigned.Should().Equal(new TrialAssigned(session.Id, A.StudyId, trial.TrialId, trial.Prompt, trial.Task, 2, trial.Videos[1], trial.Videos[0], false, null, A.Now));
    }

    [Fact]
    public void A_trial_even_in_itself_leans_against_its_condition_pair()
    {
        var plan = ASession.Plan(Settings, 2);
        var (a, b) = (plan[0].Videos[0].Condition, plan[0].Videos[1].Condition);
        var loads = new Dictionary<Guid, TrialLoad> { [plan[0].TrialId] = new(1, [a]), [plan[1].TrialId] = new(2, [a, b]) };

        var lefts = Seeds.Select(seed => Next(ASession.Started().Judged(plan[0].TrialId), plan, seed, loads, settings: Settings with { JudgmentsPerTrial = 3 })!.Left.Condition).Distinct();

        lefts.Should().Equal(b);
    }

    [Fact]
    public void A_fresh_trial_goes_either_way_at_random()
    {
        var plan = ASession.Plan(Settings, 1);

        var lefts = Seeds.Select(seed => Next(ASession.Started(), plan, seed)!.Left.Condition).Distinct();

        lefts.Should().BeEquivalentTo("a", "b");
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
    public void A_rating_gold_trial_shows_the_corrupted_copy_and_expects_failure()
    {
        var settings = A.Rating() with { TrialsPerParticipant = 10, GoldRate = 0.1 };
        var gold = new GoldSource(Guid.NewGuid(), "a");

        var assigned = Next(ASession.Started().JudgedOthers(5), [], seed: 1, golds: [gold], settings: settings);

        assigned.Should().BeEquivalentTo(new { IsGold = true, Right = (TrialVideo?)null, CorrectChoice = Choice.Failure, Position = 5 });
        assigned!.Left.Should().Be(new TrialVideo(gold.VideoId, AssigningTrial.CorruptedCondition));
    }

    [Fact]
    public void Rating_gold_comes_only_from_videos_with_a_corrupted_copy_and_pairwise_gold_from_those_with_a_frozen_one()
    {
        var both = Processed("a", frozen: "f1", corrupted: "c1");
        var frozenOnly = Processed("b", frozen: "f2", corrupted: null);

        AssigningTrial.GoldSources(A.Rating("a", "b"), [both, frozenOnly]).Should().Equal(new GoldSource(both.Id, "a"));
        AssigningTrial.GoldSources(A.Pairwise(), [both, frozenOnly]).Should().Equal(new GoldSource(both.Id, "a"), new GoldSource(frozenOnly.Id, "b"));
    }

    private static CandidateVideo Processed(string condition, string frozen, string? corrupted)
    {
        var video = CandidateVideo.Create(new VideoUploaded(Guid.NewGuid(), A.StudyId, condition, "spin", "walking", 1, "clip.mp4", 1000, Guid.NewGuid(), A.Now));
        video.Apply(new VideoProcessed(video.Id, A.StudyId, "sha", "m", "p", frozen, corrupted, 1, 96, 64, 25, A.Now));
        return video;
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
