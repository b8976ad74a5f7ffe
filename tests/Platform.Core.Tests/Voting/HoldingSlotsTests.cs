using Platform.Studies;
using Platform.Tests.Studies;
using Platform.Voting;

namespace Platform.Tests.Voting;

public sealed class HoldingSlotsTests
{
    private static readonly TimeSpan AbandonAfter = TimeSpan.FromMinutes(20);
    private static readonly DateTimeOffset Cutoff = HoldingSlots.Cutoff(A.Now, AbandonAfter);
    private static readonly Guid Someone = Guid.NewGuid();

    [Fact]
    public void A_slot_never_claimed_is_free_and_counts_nothing()
    {
        var slot = new SlotHold(null, null, null);

        (HoldingSlots.IsFree(slot, Cutoff), HoldingSlots.IsLive(slot, Cutoff)).Should().Be((true, false));
    }

    [Fact]
    public void A_recent_hold_counts_against_k_until_the_abandon_time_passes()
    {
        var held = new SlotHold(Someone, A.Now.AddMinutes(-19), null);
        var abandoned = held with { AssignedAt = A.Now.AddMinutes(-21) };

        HoldingSlots.IsLive(held, Cutoff).Should().BeTrue();
        HoldingSlots.IsFree(abandoned, Cutoff).Should().BeTrue("an assignment unanswered for Voting:AbandonAfter returns to the pool");
    }

    [Fact]
    public void An_answered_slot_is_never_free_again_however_old()
    {
        var answered = new SlotHold(Someone, A.Now.AddDays(-3), A.Now.AddDays(-3));

        HoldingSlots.IsFree(answered, Cutoff).Should().BeFalse();
    }

    [Fact]
    public void Only_slots_below_k_count()
    {
        Enumerable.Range(-1, 5).Where(slot => HoldingSlots.Counts(slot, judgmentsPerTrial: 3)).Should().Equal(0, 1, 2);
    }

    [Fact]
    public void A_pending_trial_is_kept_while_its_slot_is_held_and_gold_trials_always()
    {
        var plain = ASession.Started().Assigned(Guid.NewGuid(), new TrialVideo(Guid.NewGuid(), "a"), new TrialVideo(Guid.NewGuid(), "b")).Pending!;
        var gold = ASession.Started().Assigned(Guid.NewGuid(), new TrialVideo(Guid.NewGuid(), "a"), new TrialVideo(Guid.NewGuid(), "gold:degraded"), gold: true, correct: Choice.Left).Pending!;

        HoldingSlots.Resume(plain, stillHeld: true).Should().Be(PendingDecision.Keep);
        HoldingSlots.Resume(plain, stillHeld: false).Should().Be(PendingDecision.TakeAnotherSlot);
        HoldingSlots.Resume(gold, stillHeld: false).Should().Be(PendingDecision.Keep);
        (HoldingSlots.NeedsSlot(plain), HoldingSlots.NeedsSlot(gold)).Should().Be((true, false), "gold trials are shown to everyone and count against no k");
    }

    [Fact]
    public void A_pending_trial_is_shown_without_a_write_for_the_first_half_of_the_abandon_time()
    {
        var plain = ASession.Started().Assigned(Guid.NewGuid(), new TrialVideo(Guid.NewGuid(), "a"), new TrialVideo(Guid.NewGuid(), "b")).Pending!;
        var gold = ASession.Started().Assigned(Guid.NewGuid(), new TrialVideo(Guid.NewGuid(), "a"), new TrialVideo(Guid.NewGuid(), "gold:degraded"), gold: true, correct: Choice.Left).Pending!;

        HoldingSlots.NeedsRefresh(plain, A.Now.AddMinutes(9), AbandonAfter).Should().BeFalse("its slot is surely still held, with time left to answer");
        HoldingSlots.NeedsRefresh(plain, A.Now.AddMinutes(10), AbandonAfter).Should().BeTrue();
        HoldingSlots.NeedsRefresh(gold, A.Now.AddHours(3), AbandonAfter).Should().BeFalse("gold trials hold no slot");
    }

    [Fact]
    public void Loads_add_up_the_live_slots_of_each_trial_with_their_left_conditions()
    {
        var (t1, t2) = (Guid.NewGuid(), Guid.NewGuid());

        var loads = HoldingSlots.Loads([(t1, "a", 2), (t1, "b", 1), (t2, null, 1)]);

        loads[t1].Live.Should().Be(3);
        loads[t1].LeftConditions.Should().BeEquivalentTo(["a", "a", "b"]);
        loads[t2].Live.Should().Be(1);
        loads[t2].LeftConditions.Should().BeEmpty("a rating trial has no sides");
    }

    [Theory]
    [InlineData(5, 20 * 60, 3 * 60)]     // short clips: the minimum, a few minutes
    [InlineData(30, 20 * 60, 5 * 60)]    // ten times the longest video
    [InlineData(600, 20 * 60, 20 * 60)]  // never past the operator's ceiling
    [InlineData(5, 2, 2)]                // a ceiling below the minimum wins (tests, impatient operators)
    [InlineData(0, 20 * 60, 3 * 60)]     // no ready video yet
    public void A_trial_is_held_ten_times_its_longest_video_within_a_minimum_and_the_ceiling(double longestSeconds, int ceilingSeconds, int heldSeconds)
    {
        HoldingSlots.HoldFor(longestSeconds, TimeSpan.FromSeconds(ceilingSeconds)).Should().Be(TimeSpan.FromSeconds(heldSeconds));
    }

    [Theory]
    [InlineData(5, 20 * 60, 1.5, 90)]        // the study's own timeout replaces the derived minimum
    [InlineData(600, 20 * 60, 2, 2 * 60)]    // and the derived ten times the video
    [InlineData(5, 20 * 60, 60, 20 * 60)]    // but stays under the operator's ceiling
    public void A_study_that_sets_its_own_trial_timeout_holds_trials_that_long_within_the_ceiling(double longestSeconds, int ceilingSeconds, double studyMinutes, int heldSeconds)
    {
        HoldingSlots.HoldFor(longestSeconds, TimeSpan.FromSeconds(ceilingSeconds), studyMinutes).Should().Be(TimeSpan.FromSeconds(heldSeconds));
    }

    [Fact]
    public void A_study_whose_places_are_only_held_is_not_called_full()
    {
        HoldingSlots.AllHeld(TimeSpan.FromMinutes(3)).Should().Contain("try again").And.Contain("3 minutes").And.NotContain("all the judgments").And.NotContain("full");
    }
}
