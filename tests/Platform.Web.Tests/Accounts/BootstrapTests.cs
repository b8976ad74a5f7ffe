using System.Net.Http.Json;
using Platform.Accounts;
using Platform.Testing;

namespace Platform.Tests.Accounts;

public sealed class BootstrapTests
{
    [Fact]
    public async Task The_first_admin_is_created_once_across_restarts()
    {
        var database = await TestDatabase.CreateAsync("bootstrap");

        await using (var first = new PlatformFactory(database))
            _ = first.Server;
        // A later start with other bootstrap settings finds accounts and leaves them alone.
        await using var second = new PlatformFactory(database, new Dictionary<string, string?>
        {
            ["Bootstrap:AdminEmail"] = "someone-else@platform.test",
            ["Bootstrap:AdminPassword"] = "another-password",
        });
        var admin = await second.AdminAsync();

        var users = await admin.GetFromJsonAsync<List<UserView>>("/api/users", ApiClient.Json);
        users!.Should().ContainSingle().Which.Should().Match<UserView>(u =>
            u.Email == PlatformFactory.AdminEmail && u.Roles.Contains(Role.Admin) && !u.Disabled);
    }

    [Fact]
    public async Task An_empty_store_without_bootstrap_settings_refuses_to_start_and_says_what_to_set()
    {
        await using var factory = new PlatformFactory(await TestDatabase.CreateAsync("nobootstrap"), new Dictionary<string, string?>
        {
            ["Bootstrap:AdminEmail"] = "",
            ["Bootstrap:AdminPassword"] = "",
        });

        var start = () => factory.Server;

        start.Should().Throw<InvalidOperationException>().WithMessage("*Bootstrap:AdminEmail*Bootstrap:AdminPassword*");
    }
}
