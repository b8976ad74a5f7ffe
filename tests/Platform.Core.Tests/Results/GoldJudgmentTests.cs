using Platform.Results;
using Platform.Tests.Studies;
using Platform.Voting;

namespace Platform.Tests.Results;

/// <summary>Gold trials are recorded without prompt or task and with a stand-in for the copy; the results name both.</summary>
public class GoldJudgmentTests
{
    private static readonly Guid Trial = Guid.NewGuid();
    private static readonly GoldVideo Video = new("a dancer spins", "dance", "base-model");

    private static JudgmentRecorded Recorded(string left, string? right, Choice choice, bool? correct) =>
        new(Guid.NewGuid(), A.StudyId, Trial, "", "", left, right, choice, 2000, true, correct, "p1", A.Now);

    [Fact]
    public void A_pairwise_gold_answer_gets_its_videos_prompt_task_and_condition_and_says_which_side_was_frozen()
    {
        var left = Judgment.From(Recorded(AssigningTrial.DegradedCondition, "base-model", Choice.Right, true), id => id == Trial ? Video : null);
        var right = Judgment.From(Recorded("base-model", AssigningTrial.DegradedCondition, Choice.Left, true), id => id == Trial ? Video : null);

        left.Should().BeEquivalentTo(new { Prompt = "a dancer spins", Task = "dance", Left = "base-model", Right = "base-model", GoldCopy = Judgment.FrozenLeft, IsGold = true });
        right.GoldCopy.Should().Be(Judgment.FrozenRight);
        (right.Left, right.Right).Should().Be(("base-model", "base-model"));
    }

    [Fact]
    public void A_rating_gold_answer_names_the_rated_videos_condition_and_the_corrupted_copy()
    {
        var judgment = Judgment.From(Recorded(AssigningTrial.CorruptedCondition, null, Choice.Success, false), _ => Video);

        judgment.Should().BeEquivalentTo(new { Prompt = "a dancer spins", Task = "dance", Left = "base-model", Right = (string?)null, GoldCopy = Judgment.Corrupted, Correct = false });
    }

    [Fact]
    public void Without_its_video_a_pairwise_gold_answer_still_names_the_real_condition_and_the_copy()
    {
        var judgment = Judgment.From(Recorded("ours", AssigningTrial.DegradedCondition, Choice.Left, true), _ => null);

        (judgment.Left, judgment.Right, judgment.GoldCopy).Should().Be(("ours", "ours", Judgment.FrozenRight));
    }

    [Fact]
    public void Ordinary_answers_are_unchanged()
    {
        var e = new JudgmentRecorded(Guid.NewGuid(), A.StudyId, Trial, "x", "dance", "a", "b", Choice.Same, 1500, false, null, "p1", A.Now);

        Judgment.From(e, _ => Video).Should().Be(Judgment.From(e));
        Judgment.From(e).Should().BeEquivalentTo(new { Prompt = "x", Task = "dance", Left = "a", Right = "b", GoldCopy = (string?)null });
    }
}
