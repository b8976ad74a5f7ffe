using Platform.Accounts;
using Platform.Common;

namespace Platform.Tests.Accounts;

public sealed class ChangingRolesTests
{
    [Fact]
    public void New_roles_are_recorded_sorted_and_once()
    {
        var user = A.User(Role.Annotator);
        var by = Guid.NewGuid();

        var changed = ChangingRoles.Handle(user, new ChangeRoles(user.Id, [Role.Reviewer, Role.Annotator, Role.Reviewer], by), activeAdmins: 1, A.Now);

        changed!.Roles.Should().Equal(Role.Annotator, Role.Reviewer);
        user.Apply(changed);
        user.Roles.Should().Equal(Role.Annotator, Role.Reviewer);
    }

    [Fact]
    public void The_same_roles_again_record_nothing()
    {
        var user = A.User(Role.Annotator, Role.Reviewer);

        ChangingRoles.Handle(user, new ChangeRoles(user.Id, [Role.Reviewer, Role.Annotator], Guid.NewGuid()), 1, A.Now).Should().BeNull();
    }

    [Fact]
    public void An_admin_cannot_demote_themselves()
    {
        var admin = A.User(Role.Admin);

        var act = () => ChangingRoles.Handle(admin, new ChangeRoles(admin.Id, [Role.Researcher], admin.Id), activeAdmins: 3, A.Now);

        act.Should().Throw<DomainException>().WithMessage("*from yourself*");
    }

    [Fact]
    public void The_last_active_admin_keeps_the_role()
    {
        var admin = A.User(Role.Admin);

        var act = () => ChangingRoles.Handle(admin, new ChangeRoles(admin.Id, [], Guid.NewGuid()), activeAdmins: 1, A.Now);

        act.Should().Throw<DomainException>().Where(e => e.Kind == DomainError.Conflict).WithMessage("*last active admin*");
    }

    [Fact]
    public void Another_admin_can_demote_an_admin_when_others_remain()
    {
        var admin = A.User(Role.Admin, Role.Researcher);

        var changed = ChangingRoles.Handle(admin, new ChangeRoles(admin.Id, [Role.Researcher], Guid.NewGuid()), activeAdmins: 2, A.Now);

        changed!.Roles.Should().Equal(Role.Researcher);
    }

    [Fact]
    public void A_disabled_admin_does_not_count_as_the_last_one()
    {
        var disabledAdmin = A.User(Role.Admin).Disabled();

        var changed = ChangingRoles.Handle(disabledAdmin, new ChangeRoles(disabledAdmin.Id, [], Guid.NewGuid()), activeAdmins: 1, A.Now);

        changed!.Roles.Should().BeEmpty();
    }
}
