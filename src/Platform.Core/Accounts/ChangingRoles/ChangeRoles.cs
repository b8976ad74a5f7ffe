using Platform.Common;

namespace Platform.Accounts;

public sealed record ChangeRoles(Guid UserId, IReadOnlyList<Role> Roles, Guid By);

public sealed record UserRolesChanged(Guid UserId, IReadOnlyList<Role> Roles, Guid By, DateTimeOffset At);

public static class ChangingRoles
{
    /// <param name="activeAdmins">How many enabled accounts hold the Admin role now.</param>
    public static UserRolesChanged? Handle(UserAccount user, ChangeRoles command, int activeAdmins, DateTimeOffset now)
    {
        var roles = Roles.Normalise(command.Roles);
        if (roles.SequenceEqual(user.Roles)) return null;
        if (user.IsActiveAdmin && !roles.Contains(Role.Admin))
        {
            if (command.By == user.Id)
                throw new DomainException("You cannot take the Admin role away from yourself; ask another admin.", DomainError.Conflict);
            if (activeAdmins <= 1)
                throw new DomainException("This is the last active admin; make someone else an admin first.", DomainError.Conflict);
        }
        return new UserRolesChanged(user.Id, roles, command.By, now);
    }
}
