using Platform.Accounts;
using Platform.Common;

namespace Platform.Tests.Accounts;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("ten chars!")]
    [InlineData("correct horse battery staple")]
    public void Long_enough_passwords_pass_whatever_their_characters(string password) =>
        FluentActions.Invoking(() => PasswordPolicy.Validate(password)).Should().NotThrow();

    [Theory]
    [InlineData(null)]
    [InlineData("nine char")]
    public void Short_passwords_are_refused_with_the_minimum(string? password) =>
        FluentActions.Invoking(() => PasswordPolicy.Validate(password)).Should().Throw<DomainException>().WithMessage("*at least 10*");

    [Fact]
    public void Changing_a_password_stores_only_the_new_hash()
    {
        var user = A.User(Role.Annotator);

        var changed = ChangingPassword.Handle(user, new ChangePassword(user.Id, "brand-new-password", user.Id), A.Hash, A.Now);
        user.Apply(changed);

        user.PasswordHash.Should().Be("hashed:brand-new-password");
    }
}
