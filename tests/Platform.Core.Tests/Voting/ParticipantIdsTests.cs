using Platform.Voting;

namespace Platform.Tests.Voting;

public sealed class ParticipantIdsTests
{
    [Theory]
    [InlineData("{{%PROLIFIC_PID%}}")]
    [InlineData("%PROLIFIC_PID%")]
    [InlineData("PROLIFIC_PID")]
    [InlineData("{{%25PROLIFIC_PID%25}}")]
    public void A_placeholder_left_in_a_copied_link_is_named_as_such(string id)
    {
        ParticipantIds.Problem(id).Should().Contain("placeholder").And.Contain("Prolific");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_id_says_where_to_open_the_study(string? id)
    {
        ParticipantIds.Problem(id).Should().Contain("no participant id");
    }

    [Fact]
    public void An_overlong_id_is_refused_with_the_limit()
    {
        ParticipantIds.Problem(new string('x', ParticipantIds.MaxLength + 1)).Should().Contain("200 characters");
    }

    [Theory]
    [InlineData("5f2a9c1e8b7d6e0012345678")]
    [InlineData("participant-42")]
    public void A_real_id_is_fine(string id)
    {
        ParticipantIds.Problem(id).Should().BeNull();
    }
}
