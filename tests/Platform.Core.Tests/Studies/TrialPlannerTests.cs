using Platform.Studies;

namespace Platform.Tests.Studies;

public sealed class TrialPlannerTests
{
    [Fact]
    public void All_pairs_compares_every_condition_with_every_later_one()
    {
        TrialPlanner.Pairs(A.Pairwise("a", "b", "c")).Should().Equal(("a", "b"), ("a", "c"), ("b", "c"));
    }

    [Fact]
    public void Against_baseline_compares_each_other_condition_with_the_baseline_only()
    {
        TrialPlanner.Pairs(A.Pairwise("a", "base", "c").AgainstBaseline("base")).Should().Equal(("a", "base"), ("c", "base"));
    }

    [Fact]
    public void Only_a_prompt_and_seed_with_both_conditions_ready_make_a_trial()
    {
        var a1 = A.Ready("a", "spin", seed: 1);
        var b1 = A.Ready("b", "spin", seed: 1);
        List<ReadyVideo> ready = [a1, b1, A.Ready("a", "spin", seed: 2), A.Ready("b", "jump"), A.Ready("removed", "spin", seed: 1)];

        var plan = TrialPlanner.Plan(A.StudyId, A.Pairwise(), ready);

        plan.Should().ContainSingle();
        plan[0].Should().BeEquivalentTo(new { Prompt = "spin", Seed = 1, Task = "walking" });
        plan[0].Videos.Should().Equal(new TrialVideo(a1.VideoId, "a"), new TrialVideo(b1.VideoId, "b"));
    }

    [Fact]
    public void A_group_makes_one_trial_per_pair_its_conditions_cover()
    {
        var settings = A.Pairwise("a", "b", "c");
        List<ReadyVideo> ready = [A.Ready("c", "spin"), A.Ready("a", "spin"), A.Ready("b", "spin"), A.Ready("a", "jump"), A.Ready("c", "jump")];

        var plan = TrialPlanner.Plan(A.StudyId, settings, ready);

        plan.Select(t => (t.Prompt, t.Videos[0].Condition, t.Videos[1].Condition))
            .Should().Equal(("jump", "a", "c"), ("spin", "a", "b"), ("spin", "a", "c"), ("spin", "b", "c"));
    }

    [Fact]
    public void Trial_ids_stay_the_same_when_planning_again_and_when_more_videos_arrive()
    {
        var settings = A.Pairwise("a", "b", "c");
        List<ReadyVideo> first = [A.Ready("a", "spin"), A.Ready("b", "spin"), A.Ready("a", "jump"), A.Ready("b", "jump")];
        List<ReadyVideo> more = [.. first, A.Ready("c", "spin", minute: 5), A.Ready("a", "bow", minute: 6), A.Ready("b", "bow", minute: 6)];

        var before = TrialPlanner.Plan(A.StudyId, settings, first);
        var again = TrialPlanner.Plan(A.StudyId, settings, [.. first.AsEnumerable().Reverse()]);
        var after = TrialPlanner.Plan(A.StudyId, settings, more);

        again.Select(t => t.TrialId).Should().Equal(before.Select(t => t.TrialId));
        after.Should().HaveCount(5);
        foreach (var trial in before)
            after.Single(t => t.TrialId == trial.TrialId).Videos.Should().Equal(trial.Videos);
        TrialPlanner.Plan(Guid.NewGuid(), settings, first).Select(t => t.TrialId).Should().NotIntersectWith(before.Select(t => t.TrialId));
    }

    [Fact]
    public void The_first_uploaded_video_of_a_condition_stands_for_it()
    {
        var early = A.Ready("a", "spin", minute: 1);
        var late = A.Ready("a", "spin", minute: 9);
        var b = A.Ready("b", "spin", minute: 5);

        var plan = TrialPlanner.Plan(A.StudyId, A.Pairwise(), [late, b, early]);

        plan.Should().ContainSingle().Which.Videos[0].VideoId.Should().Be(early.VideoId);
    }

    [Fact]
    public void A_rating_study_makes_one_trial_per_video_in_upload_order()
    {
        List<ReadyVideo> ready = [A.Ready("a", "spin", minute: 1), A.Ready("b", "spin", minute: 2), A.Ready("a", "jump", minute: 3), A.Ready("a", "spin", seed: 2, minute: 4)];

        var plan = TrialPlanner.Plan(A.StudyId, A.Rating("a", "b"), ready);

        plan.Should().HaveCount(4).And.OnlyContain(t => t.Videos.Count == 1);
        plan.Select(t => t.Videos[0].VideoId).Should().BeEquivalentTo(ready.Select(v => v.VideoId));
        plan.Select(t => (t.Videos[0].Condition, t.Prompt, t.Seed))
            .Should().Equal(("a", "spin", 1), ("b", "spin", 1), ("a", "jump", 1), ("a", "spin", 2));
    }

    [Fact]
    public void A_pair_completed_later_comes_after_the_existing_ones_whatever_its_prompt()
    {
        var settings = A.Pairwise("a", "b");
        List<ReadyVideo> early = [A.Ready("a", "p2", minute: 1), A.Ready("b", "p2", minute: 2)];

        var after = TrialPlanner.Plan(A.StudyId, settings, [.. early, A.Ready("a", "p1", minute: 3), A.Ready("b", "p1", minute: 4)]);

        after.Select(t => t.Prompt).Should().Equal("p2", "p1");
    }

    [Fact]
    public void Reordering_the_conditions_keeps_every_trial()
    {
        var settings = A.Pairwise("a", "b", "c");
        List<ReadyVideo> ready = [A.Ready("a", "p"), A.Ready("b", "p"), A.Ready("c", "p")];

        var listed = TrialPlanner.Plan(A.StudyId, settings, ready);
        var reordered = TrialPlanner.Plan(A.StudyId, settings with { Conditions = [.. settings.Conditions.Reverse()] }, ready);

        reordered.Select(t => (t.TrialId, t.Videos[0].VideoId)).Should().BeEquivalentTo(listed.Select(t => (t.TrialId, t.Videos[0].VideoId)));
    }

    [Fact]
    public void Trials_completed_together_come_in_prompt_order()
    {
        var settings = A.Pairwise("a", "b", "c");
        var prompts = new[] { "p1", "p2", "p3" };
        List<ReadyVideo> ready = [.. prompts.SelectMany(p => new[] { A.Ready("a", p), A.Ready("b", p) }), A.Ready("c", "p2")];

        var plan = TrialPlanner.Plan(A.StudyId, settings, ready);

        plan.Select(t => (t.Prompt, $"{t.Videos[0].Condition}-{t.Videos[1].Condition}"))
            .Should().Equal(("p1", "a-b"), ("p2", "a-b"), ("p2", "a-c"), ("p2", "b-c"), ("p3", "a-b"));
    }

    [Fact]
    public void Keyed_trial_ids_stay_stable_but_cannot_be_derived_from_the_study_content()
    {
        List<ReadyVideo> ready = [A.Ready("a", "spin", seed: 1), A.Ready("b", "spin", seed: 1)];
        var key = Platform.Common.StableId.NewKey();

        var keyed = TrialPlanner.Plan(A.StudyId, A.Pairwise(), ready, key).Single().TrialId;

        TrialPlanner.Plan(A.StudyId, A.Pairwise(), ready, key).Single().TrialId.Should().Be(keyed, "planning again keeps the ids");
        keyed.Should().NotBe(Platform.Common.StableId.From(A.StudyId, "pair", "spin", 1, "a", "b"), "the unkeyed id is what an outsider can compute");
        TrialPlanner.Plan(A.StudyId, A.Pairwise(), ready, Platform.Common.StableId.NewKey()).Single().TrialId.Should().NotBe(keyed);
        TrialPlanner.Plan(A.StudyId, A.Pairwise(), ready).Single().TrialId
            .Should().Be(Platform.Common.StableId.From(A.StudyId, "pair", "spin", 1, "a", "b"), "studies made before keys keep their trials");
    }
}
