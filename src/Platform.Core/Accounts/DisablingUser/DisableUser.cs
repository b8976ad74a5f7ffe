using Platform.Common;

namespace Platform.Accounts;

public sealed record DisableUser(Guid UserId, Guid By);

public sealed record EnableUser(Guid UserId, Guid By);

public sealed record UserDisabled(Guid UserId, Guid By, DateTimeOffset At);

public sealed record UserEnabled(Guid UserId, Guid By, DateTimeOffset At);

/// <summary>Disabling keeps the account and its history but ends every sign-in and token at once.</summary>
public static class DisablingUser
{
    public static UserDisabled? Handle(UserAccount user, DisableUser command, int activeAdmins, DateTimeOffset now)
    {
        if (user.Disabled) return null;
        if (command.By == user.Id)
            throw new DomainException("You cannot disable your own account.", DomainError.Conflict);
        if (user.IsActiveAdmin && activeAdmins <= 1)
            throw new DomainException("This is the last active admin; make someone else an admin first.", DomainError.Conflict);
        return new UserDisabled(user.Id, command.By, now);
    }

    public static UserEnabled? Handle(UserAccount user, EnableUser command, DateTimeOffset now) =>
        user.Disabled ? new UserEnabled(user.Id, command.By, now) : null;
}
