using Platform.Results;

namespace Platform.Tests.Results;

public class WordingTests
{
    [Theory]
    [InlineData(0, "0 participants")]
    [InlineData(1, "1 participant")]
    [InlineData(2, "2 participants")]
    public void Counts_take_the_singular_for_one_only(int n, string expected) =>
        Wording.Count(n, "participant").Should().Be(expected);

    [Fact]
    public void Gold_judgments_are_named_apart_with_their_own_count()
    {
        Wording.GoldApart(1).Should().Be("+ 1 gold judgment (attention checks), counted separately");
        Wording.GoldApart(6).Should().Be("+ 6 gold judgments (attention checks), counted separately");
        Wording.GoldApart(0).Should().Be("gold judgments (attention checks), counted separately: none");
    }

    [Fact]
    public void Agreement_that_cannot_be_computed_yet_says_what_it_needs()
    {
        var none = new AgreementRow(null, 0);

        Wording.Agreement(none).Should().Be("not computed yet: it needs at least two judgments on the same trial, and no trial has two yet");
        none.NotComputedBecause.Should().Be("not computed yet: it needs at least two judgments on the same trial, and no trial has two yet", "the JSON carries the reason the page shows");
    }

    [Fact]
    public void Agreement_undefined_because_every_answer_agrees_says_so_and_a_computed_one_its_basis()
    {
        Wording.Agreement(new AgreementRow(null, 1)).Should().StartWith("not defined: every answer on the 1 trial judged more than once is the same");
        Wording.Agreement(new AgreementRow(0.41234, 9)).Should().Be("0.412 over 9 trials judged more than once");
        Wording.Agreement(new AgreementRow(1, 1)).Should().Be("1.000 over 1 trial judged more than once");
        new AgreementRow(0.4, 9).NotComputedBecause.Should().BeNull();
    }

    [Fact]
    public void The_basis_of_the_figures_names_judgments_participants_exclusions_and_gold_apart()
    {
        var results = new StudyResults(Guid.NewGuid(), 3, true, null, 18, 6, 6, 1, [], [], [], new AgreementRow(null, 0), null, []);

        Wording.Basis(results).Should().Be(
            "18 judgments from 5 participants, after exclusions (1 participant excluded), all tasks; + 6 gold judgments (attention checks), counted separately");
        Wording.Basis(results with { ExclusionsApplied = false, Task = "dance", Judgments = 1, GoldJudgments = 1, Participants = 1 }).Should().Be(
            "1 judgment from 1 participant, all participants, no exclusions, task dance; + 1 gold judgment (attention checks), counted separately");
    }

    [Fact]
    public void Judgments_wanted_are_shown_with_the_share_done()
    {
        Wording.OfWanted(18, 36).Should().Be("of 36 wanted (50.0 %)");
        Wording.OfWanted(0, 0).Should().Be("of 0 wanted (0.0 %)");
    }
}
