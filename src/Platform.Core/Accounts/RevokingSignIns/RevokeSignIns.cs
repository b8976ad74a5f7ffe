namespace Platform.Accounts;

/// <summary>"Sign out everywhere": by the account's owner or an admin.</summary>
public sealed record RevokeSignIns(Guid UserId, Guid By);

public sealed record SignInsRevoked(Guid UserId, Guid By, DateTimeOffset At);

public static class RevokingSignIns
{
    public static SignInsRevoked Handle(UserAccount user, RevokeSignIns command, DateTimeOffset now) => new(user.Id, command.By, now);

    /// <summary>
    /// The events after which every browser sign-in and bearer token issued before stops working: a new password, new
    /// roles, a disabled account and "sign out everywhere". Each one moves the account's <see cref="UserAccount.SignInStamp"/>.
    /// </summary>
    public static bool Ends(object @event) => @event is PasswordChanged or UserRolesChanged or UserDisabled or SignInsRevoked;
}
