namespace Platform.Accounts;

public sealed record ChangePassword(Guid UserId, string NewPassword, Guid By);

public sealed record PasswordChanged(Guid UserId, string PasswordHash, Guid By, DateTimeOffset At);

public static class ChangingPassword
{
    public static PasswordChanged Handle(UserAccount user, ChangePassword command, Func<string, string> hash, DateTimeOffset now)
    {
        PasswordPolicy.Validate(command.NewPassword);
        return new PasswordChanged(user.Id, hash(command.NewPassword), command.By, now);
    }
}
