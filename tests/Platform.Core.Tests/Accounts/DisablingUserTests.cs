using Platform.Accounts;
using Platform.Common;

namespace Platform.Tests.Accounts;

public sealed class DisablingUserTests
{
    [Fact]
    public void Disabling_then_enabling_round_trips()
    {
        var user = A.User(Role.Annotator);
        var by = Guid.NewGuid();

        var disabled = DisablingUser.Handle(user, new DisableUser(user.Id, by), activeAdmins: 1, A.Now);
        user.Apply(disabled!);
        var enabled = DisablingUser.Handle(user, new EnableUser(user.Id, by), A.Now);
        user.Apply(enabled!);

        disabled.Should().Be(new UserDisabled(user.Id, by, A.Now));
        enabled.Should().Be(new UserEnabled(user.Id, by, A.Now));
        user.Disabled.Should().BeFalse();
    }

    [Fact]
    public void Disabling_twice_or_enabling_an_active_account_records_nothing()
    {
        var user = A.User(Role.Annotator);

        DisablingUser.Handle(user, new EnableUser(user.Id, Guid.NewGuid()), A.Now).Should().BeNull();
        DisablingUser.Handle(user.Disabled(), new DisableUser(user.Id, Guid.NewGuid()), 1, A.Now).Should().BeNull();
    }

    [Fact]
    public void Nobody_can_disable_their_own_account()
    {
        var user = A.User(Role.Admin);

        var act = () => DisablingUser.Handle(user, new DisableUser(user.Id, user.Id), activeAdmins: 5, A.Now);

        act.Should().Throw<DomainException>().WithMessage("*your own account*");
    }

    [Fact]
    public void The_last_active_admin_cannot_be_disabled()
    {
        var admin = A.User(Role.Admin);

        var act = () => DisablingUser.Handle(admin, new DisableUser(admin.Id, Guid.NewGuid()), activeAdmins: 1, A.Now);

        act.Should().Throw<DomainException>().WithMessage("*last active admin*");
    }
}
