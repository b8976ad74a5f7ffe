using Platform.Studies;

namespace Platform.Tests.Studies;

public sealed class GoalRoomTests
{
    private static readonly StudySettings Baseline = A.Pairwise("a", "b", "base").AgainstBaseline("base");
    private static readonly StudyGoal Goal = new(GoalKind.BeatsBaseline, BudgetPerUnit: 300);

    private static GoalStatus Status(params (string Key, long First, long Same, long Second)[] rows) =>
        StoppingRules.Assess(Goal, GoalUnits.Count(Baseline, rows.ToDictionary(r => r.Key, r => new[] { r.First, r.Same, r.Second })));

    [Fact]
    public void A_units_room_is_k_less_each_trials_judgments_and_a_trial_judged_past_a_lowered_k_has_none()
    {
        var room = GoalRoom.PerUnit([("a vs base", 1), ("a vs base", 5), ("b vs base", 0)], judgmentsPerTrial: 3);

        room.Should().BeEquivalentTo(new Dictionary<string, long> { ["a vs base"] = 2, ["b vs base"] = 3 });
    }

    [Fact]
    public void An_open_units_projection_is_at_most_its_room_and_a_goal_whose_open_units_have_none_is_stalled()
    {
        var status = Status(("a vs base", 80, 10, 10), ("b vs base", 40, 20, 40));

        var (roomy, roomyStalled) = GoalRoom.Within(status, new Dictionary<string, long> { ["a vs base"] = 0, ["b vs base"] = 500 });
        var (tight, tightStalled) = GoalRoom.Within(status, new Dictionary<string, long> { ["a vs base"] = 7, ["b vs base"] = 12 });
        var (full, fullStalled) = GoalRoom.Within(status, new Dictionary<string, long> { ["a vs base"] = 30 });

        (roomy.ProjectedRemaining, roomyStalled).Should().Be((200, false), "the open pair can still take its projection; the decided one needs no room");
        (tight.ProjectedRemaining, tight.Units[0].Remaining, tightStalled).Should().Be((12, 0, false));
        (full.ProjectedRemaining, fullStalled).Should().Be((0, true), "the open pair's trials are all at k: nobody can be given one");
        GoalRoom.Within(Status(("a vs base", 80, 10, 10), ("b vs base", 80, 10, 10)), new Dictionary<string, long>()).Stalled
            .Should().BeFalse("a met goal is not stalled");
    }
}
