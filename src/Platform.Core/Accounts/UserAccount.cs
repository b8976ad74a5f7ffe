namespace Platform.Accounts;

/// <summary>A person's account, folded from its event stream (the stream id is the user id).</summary>
public sealed class UserAccount
{
    public Guid Id { get; set; }
    public string Email { get; set; } = string.Empty;
    public string DisplayName { get; set; } = string.Empty;
    public string PasswordHash { get; set; } = string.Empty;
    public List<Role> Roles { get; set; } = [];
    public bool Disabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }

    /// <summary>Moves whenever sign-ins issued before must stop working (<see cref="RevokingSignIns.Ends"/>).</summary>
    public int SignInStamp { get; set; }

    public bool IsActiveAdmin => !Disabled && Roles.Contains(Role.Admin);

    public static UserAccount Create(UserRegistered registered) => new()
    {
        Id = registered.UserId,
        Email = registered.Email,
        DisplayName = registered.DisplayName,
        PasswordHash = registered.PasswordHash,
        Roles = [.. registered.Roles],
        CreatedAt = registered.At,
    };

    public void Apply(UserRolesChanged changed)
    {
        Roles = [.. changed.Roles];
        SignInStamp++;
    }

    public void Apply(UserDisabled _)
    {
        Disabled = true;
        SignInStamp++;
    }

    public void Apply(UserEnabled _) => Disabled = false;

    public void Apply(PasswordChanged changed)
    {
        PasswordHash = changed.PasswordHash;
        SignInStamp++;
    }

    public void Apply(SignInsRevoked _) => SignInStamp++;
}
