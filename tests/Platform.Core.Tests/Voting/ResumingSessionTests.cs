using Platform.Voting;

namespace Platform.Tests.Voting;

public sealed class ResumingSessionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static ParticipantSession Started(out string token)
    {
        token = SessionTokens.New();
        return ParticipantSession.Create(new SessionStarted(Guid.NewGuid(), Guid.NewGuid(), "pid-1", "prolific", null, null, token, Now));
    }

    [Fact]
    public void The_browser_holding_the_token_resumes()
    {
        var session = Started(out var token);

        ResumingSession.Decide(session, token).Should().Be(ResumeDecision.Resume);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void The_participant_id_without_the_token_is_refused(string? presented)
    {
        ResumingSession.Decide(Started(out _), presented).Should().Be(ResumeDecision.Refuse);
    }

    [Fact]
    public void A_released_session_goes_to_the_next_browser_and_its_old_token_names_nothing()
    {
        var session = Started(out var old);

        session.Apply(new SessionReleased(session.Id, session.StudyId, Guid.NewGuid(), Now));

        ResumingSession.Decide(session, null).Should().Be(ResumeDecision.Claim);
        session.Token.Should().NotBe(old);
        SessionTokens.IsWellFormed(session.Token).Should().BeFalse("a released session's token must not be presentable");
        var next = SessionTokens.New();
        session.Apply(new SessionClaimed(session.Id, next, Now));
        ResumingSession.Decide(session, old).Should().Be(ResumeDecision.Refuse, "the first browser's token went with the release");
        ResumingSession.Decide(session, next).Should().Be(ResumeDecision.Resume);
    }

    [Fact]
    public void Tokens_are_random_url_safe_and_checked_for_shape()
    {
        var tokens = Enumerable.Range(0, 100).Select(_ => SessionTokens.New()).ToList();

        tokens.Should().OnlyHaveUniqueItems().And.AllSatisfy(t => SessionTokens.IsWellFormed(t).Should().BeTrue(t));
        SessionTokens.IsWellFormed("short").Should().BeFalse();
        SessionTokens.IsWellFormed(new string('a', 31) + "/").Should().BeFalse();
        SessionTokens.IsWellFormed(new string('a', 5000)).Should().BeFalse();
    }
}
