using Platform.Studies;
using Platform.Tests.Studies;
using Platform.Voting;

namespace Platform.Tests.Voting;

public sealed class StudyPreviewTests
{
    [Fact]
    public void A_preview_walks_one_participants_sequence_with_gold_trials_at_their_positions_and_no_trial_twice()
    {
        var settings = A.Pairwise() with { TrialsPerParticipant = 6, GoldRate = 0.34 };
        var plan = ASession.Plan(settings, 4);
        var golds = plan.Select(t => new GoldSource(t.Videos[0].VideoId, t.Videos[0].Condition)).Take(2).ToList();

        var trials = StudyPreview.Trials(A.StudyId, settings, plan, golds, new Random(3), A.Now);

        trials.Should().HaveCount(6);
        trials.Select(t => t.TrialId).Should().OnlyHaveUniqueItems();
        trials.Select(t => t.Position).Should().Equal(0, 1, 2, 3, 4, 5);
        trials.Where(t => t.IsGold).Select(t => t.Position).Should().Equal(
            Enumerable.Range(0, 6).Where(p => GoldSchedule.IsGoldPosition(p, 6, 0.34)));
    }

    [Fact]
    public void When_a_participants_gold_share_rounds_to_none_the_preview_still_shows_one_gold_trial_at_the_end()
    {
        var settings = A.Pairwise() with { TrialsPerParticipant = 3, GoldRate = 0.1 };
        var plan = ASession.Plan(settings, 3);
        var golds = new[] { new GoldSource(plan[0].Videos[0].VideoId, plan[0].Videos[0].Condition) };

        var trials = StudyPreview.Trials(A.StudyId, settings, plan, golds, new Random(1), A.Now);

        trials.Take(trials.Count - 1).Should().OnlyContain(t => !t.IsGold);
        trials[^1].IsGold.Should().BeTrue();
        trials[^1].Right!.Condition.Should().BeOneOf(AssigningTrial.DegradedCondition, golds[0].Condition);
    }

    [Fact]
    public void A_study_without_gold_previews_only_its_planned_trials()
    {
        var settings = A.Pairwise() with { TrialsPerParticipant = 10, GoldRate = 0 };
        var plan = ASession.Plan(settings, 2);

        var trials = StudyPreview.Trials(A.StudyId, settings, plan, [], new Random(1), A.Now);

        trials.Select(t => t.TrialId).Should().BeEquivalentTo(plan.Select(t => t.TrialId), "no more trials than the plan holds, none twice");
    }
}
