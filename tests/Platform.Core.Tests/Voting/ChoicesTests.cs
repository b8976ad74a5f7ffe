using Platform.Studies;
using Platform.Tests.Studies;
using Platform.Voting;

namespace Platform.Tests.Voting;

public sealed class ChoicesTests
{
    [Fact]
    public void A_three_way_scale_offers_left_same_right()
    {
        Choices.Allowed(A.Pairwise()).Should().Equal(Choice.Left, Choice.Same, Choice.Right);
    }

    [Fact]
    public void A_two_way_scale_offers_no_tie()
    {
        Choices.Allowed(A.Pairwise() with { Scale = PairwiseScale.TwoWay }).Should().Equal(Choice.Left, Choice.Right);
    }

    [Theory]
    [InlineData(PairwiseScale.ThreeWay)]
    [InlineData(PairwiseScale.TwoWay)]
    public void A_rating_study_offers_success_or_failure_whatever_its_scale(PairwiseScale scale)
    {
        Choices.Allowed(A.Rating() with { Scale = scale }).Should().Equal(Choice.Success, Choice.Failure);
    }

    [Theory]
    [InlineData("left", Choice.Left)]
    [InlineData("Same", Choice.Same)]
    [InlineData(" FAILURE ", Choice.Failure)]
    public void The_api_names_are_read_in_any_case(string name, Choice choice)
    {
        Choices.Parse(name).Should().Be(choice);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("1")]
    [InlineData("left,right")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_no_choice(string? name)
    {
        Choices.Parse(name).Should().BeNull();
    }

    [Fact]
    public void An_answer_off_the_scale_is_refused_with_the_allowed_ones()
    {
        var refusal = Choices.NotAllowed("maybe", A.Pairwise() with { Scale = PairwiseScale.TwoWay });

        refusal.Kind.Should().Be(Platform.Common.DomainError.Unprocessable);
        refusal.Message.Should().Be("'maybe' is not an answer on this study's scale; use left, right.");
    }
}
