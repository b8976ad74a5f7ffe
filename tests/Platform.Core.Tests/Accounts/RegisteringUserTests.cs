using Platform.Accounts;
using Platform.Common;

namespace Platform.Tests.Accounts;

public sealed class RegisteringUserTests
{
    private static RegisterUser Command(string email = "ada@example.org", string name = "Ada", string password = "long-enough-password", params Role[] roles) =>
        new(Guid.NewGuid(), email, name, password, roles.Length == 0 ? [Role.Researcher] : roles, Guid.NewGuid());

    [Fact]
    public void A_valid_request_registers_a_normalised_account_with_a_hashed_password()
    {
        var command = Command(email: "  Ada@Example.ORG ", name: " Ada Lovelace ", roles: [Role.Reviewer, Role.Admin, Role.Reviewer]);

        var registered = RegisteringUser.Handle(command, emailTaken: false, A.Hash, A.Now);

        registered.Should().Be(new UserRegistered(command.UserId, "ada@example.org", "Ada Lovelace", "hashed:long-enough-password",
            registered.Roles, command.By, A.Now));
        registered.Roles.Should().Equal(Role.Admin, Role.Reviewer);
    }

    [Fact]
    public void A_taken_address_is_a_conflict()
    {
        var act = () => RegisteringUser.Handle(Command(), emailTaken: true, A.Hash, A.Now);

        act.Should().Throw<DomainException>().Where(e => e.Kind == DomainError.Conflict).WithMessage("*already exists*");
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-at-sign")]
    [InlineData("two@@example.org")]
    [InlineData("r\u200Bb@example.org")]
    [InlineData("Name <ada@example.org>")]
    public void A_malformed_address_is_refused(string email)
    {
        var act = () => RegisteringUser.Handle(Command(email: email), emailTaken: false, A.Hash, A.Now);

        act.Should().Throw<DomainException>().WithMessage("*not a valid email address*");
    }

    [Theory]
    [InlineData("short")]
    [InlineData("          ")]
    public void A_weak_password_is_refused_before_it_is_hashed(string password)
    {
        var hashed = false;

        var act = () => RegisteringUser.Handle(Command(password: password), emailTaken: false, p => { hashed = true; return p; }, A.Now);

        act.Should().Throw<DomainException>();
        hashed.Should().BeFalse();
    }

    [Fact]
    public void A_blank_display_name_is_refused()
    {
        var act = () => RegisteringUser.Handle(Command(name: "   "), emailTaken: false, A.Hash, A.Now);

        act.Should().Throw<DomainException>().WithMessage("*display name*");
    }
}
