using Platform.Accounts;

namespace Platform.Tests.Accounts;

/// <summary>Test data: accounts folded from the same events the platform appends.</summary>
internal static class A
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    public static UserAccount User(params Role[] roles) => UserAccount.Create(
        new UserRegistered(Guid.NewGuid(), $"{Guid.NewGuid():N}@platform.test", "Someone", "hash", roles, null, Now));

    public static UserAccount Disabled(this UserAccount user)
    {
        user.Apply(new UserDisabled(user.Id, Guid.NewGuid(), Now));
        return user;
    }

    public static string Hash(string password) => $"hashed:{password}";
}
