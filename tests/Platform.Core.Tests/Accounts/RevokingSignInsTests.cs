using Platform.Accounts;

namespace Platform.Tests.Accounts;

public sealed class RevokingSignInsTests
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    [Fact]
    public void A_fresh_sign_in_authenticates_its_account_until_it_expires()
    {
        var user = A.User(Role.Researcher);
        var (secret, record) = SignInRecord.Issue(user, SignInKind.Browser, "Firefox", A.Now, Week);

        record.Id.Should().Be(SignInRecord.HashOf(secret)).And.NotContain(secret);
        record.Authenticates(user, A.Now.AddDays(6)).Should().BeTrue();
        record.Authenticates(user, A.Now + Week).Should().BeFalse();
        record.Authenticates(A.User(Role.Researcher), A.Now).Should().BeFalse("a sign-in authenticates only its own account");
        record.Authenticates(null, A.Now).Should().BeFalse();
    }

    public static TheoryData<string> EndingEvents => ["password", "roles", "disabled", "revoked"];

    [Theory]
    [MemberData(nameof(EndingEvents))]
    public void A_new_password_new_roles_disabling_and_sign_out_everywhere_end_earlier_sign_ins(string what)
    {
        var user = A.User(Role.Researcher);
        var (_, before) = SignInRecord.Issue(user, SignInKind.Token, null, A.Now, Week);
        object @event = what switch
        {
            "password" => new PasswordChanged(user.Id, "new-hash", user.Id, A.Now),
            "roles" => new UserRolesChanged(user.Id, [Role.Annotator], Guid.NewGuid(), A.Now),
            "disabled" => new UserDisabled(user.Id, Guid.NewGuid(), A.Now),
            _ => RevokingSignIns.Handle(user, new RevokeSignIns(user.Id, user.Id), A.Now),
        };

        RevokingSignIns.Ends(@event).Should().BeTrue();
        ((dynamic)user).Apply((dynamic)@event);

        before.Authenticates(user, A.Now).Should().BeFalse();
    }

    [Fact]
    public void A_sign_in_issued_while_the_password_changed_is_refused_by_its_stamp()
    {
        // The password was checked against the account as it was; the change landed before the record was stored.
        var user = A.User(Role.Researcher);
        var (_, racing) = SignInRecord.Issue(user, SignInKind.Token, null, A.Now, Week);
        user.Apply(new PasswordChanged(user.Id, "new-hash", user.Id, A.Now));

        racing.Authenticates(user, A.Now).Should().BeFalse();
        SignInRecord.Issue(user, SignInKind.Token, null, A.Now, Week).Stored.Authenticates(user, A.Now).Should().BeTrue();
    }

    [Fact]
    public void Re_enabling_an_account_does_not_bring_its_old_sign_ins_back()
    {
        var user = A.User(Role.Annotator);
        var (_, before) = SignInRecord.Issue(user, SignInKind.Browser, null, A.Now, Week);

        user.Disabled().Apply(new UserEnabled(user.Id, Guid.NewGuid(), A.Now));

        RevokingSignIns.Ends(new UserEnabled(user.Id, Guid.NewGuid(), A.Now)).Should().BeFalse();
        before.Authenticates(user, A.Now).Should().BeFalse();
    }

    [Fact]
    public void The_client_is_kept_short_and_without_control_characters()
    {
        var (_, record) = SignInRecord.Issue(A.User(), SignInKind.Browser, "Mozilla\u0000/5.0 " + new string('x', 500), A.Now, Week);

        record.Client.Should().StartWith("Mozilla/5.0 ").And.HaveLength(SignInRecord.MaxClientLength);
    }
}
