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
}
