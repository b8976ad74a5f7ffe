namespace Platform.Accounts;

/// <summary>What a signed-in person may do. Evaluators (crowd participants) have no account and no role.</summary>
public enum Role
{
    Admin,
    Researcher,
    Annotator,
    Reviewer,
}

public static class Roles
{
    public const string Admin = nameof(Role.Admin);
    public const string Researcher = nameof(Role.Researcher);
    public const string Annotator = nameof(Role.Annotator);
    public const string Reviewer = nameof(Role.Reviewer);

    public static IReadOnlyList<Role> All { get; } = Enum.GetValues<Role>();

    /// <summary>Sorted, without duplicates: the canonical form stored in events.</summary>
    public static IReadOnlyList<Role> Normalise(IEnumerable<Role> roles) => [.. roles.Distinct().Order()];
}
