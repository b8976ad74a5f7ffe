using Platform.Common;

namespace Platform.Accounts;

public sealed record RegisterUser(Guid UserId, string Email, string DisplayName, string Password, IReadOnlyList<Role> Roles, Guid? By);

/// <summary><paramref name="By"/> is null for the bootstrap admin, who is created by the platform itself.</summary>
public sealed record UserRegistered(Guid UserId, string Email, string DisplayName, string PasswordHash, IReadOnlyList<Role> Roles, Guid? By, DateTimeOffset At);

public static class RegisteringUser
{
    /// <param name="emailTaken">Whether another account already uses the address.</param>
    /// <param name="hash">Hashes the password; kept outside so the decision stays pure.</param>
    public static UserRegistered Handle(RegisterUser command, bool emailTaken, Func<string, string> hash, DateTimeOffset now)
    {
        var email = EmailAddress.Validate(command.Email);
        if (emailTaken)
            throw new DomainException($"An account for {email} already exists.", DomainError.Conflict);
        var displayName = (command.DisplayName ?? string.Empty).Trim();
        if (displayName.Length is 0 or > 100)
            throw new DomainException("A display name needs between 1 and 100 characters.");
        PasswordPolicy.Validate(command.Password);
        return new UserRegistered(command.UserId, email, displayName, hash(command.Password), Roles.Normalise(command.Roles), command.By, now);
    }
}
