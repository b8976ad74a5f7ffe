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

    [Theory]
    [InlineData("X\u200B")]
    [InlineData("a\u0007b")]
    [InlineData("ab\u202E")]
    [InlineData("a\u00A0b")]
    [InlineData("a\nb")]
    public void An_id_with_invisible_characters_is_refused_so_one_person_cannot_pass_for_two(string id)
    {
        ParticipantIds.Problem(id).Should().Contain("invisible or control characters");
    }

    [Fact]
    public void Visible_ids_of_any_script_are_taken()
    {
        foreach (var id in new[] { "5f2a9c1e8b7d6e0012345678", "anna müller", "参加者-7", "🙂-42" })
            ParticipantIds.Problem(id).Should().BeNull(id);
    }

    [Fact]
    public void Prolifics_study_and_session_ids_are_bounded_and_visible()
    {
        ParticipantIds.ExternalProblem(null).Should().BeNull();
        ParticipantIds.ExternalProblem("60f1c0b7d2a4e5f6a7b8c9d0").Should().BeNull();
        ParticipantIds.ExternalProblem(new string('a', ParticipantIds.MaxLength + 1)).Should().Contain("at most 200");
        ParticipantIds.ExternalProblem("a\u200Bb").Should().Contain("visible characters");
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
