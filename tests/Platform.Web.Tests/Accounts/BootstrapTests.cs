using System.Net;
using System.Net.Http.Json;
using Platform.Accounts;
using Platform.Testing;
using Platform.Web.Accounts;

namespace Platform.Tests.Accounts;

public sealed class BootstrapTests
{
    [Fact]
    public async Task The_first_admin_is_created_once_across_restarts()
    {
        // A later start with other bootstrap settings finds accounts and leaves them alone.
        await using var restarted = await StartedOnceThenAsync("bootstrap", new()
        {
            ["Bootstrap:AdminEmail"] = "someone-else@platform.test",
            ["Bootstrap:AdminPassword"] = "another-password",
        });

        var admin = await restarted.AdminAsync();

        var users = await admin.GetFromJsonAsync<List<UserView>>("/api/users", ApiClient.Json);
        users!.Should().ContainSingle().Which.Should().Match<UserView>(u =>
            u.Email == PlatformFactory.AdminEmail && u.Roles.Contains(Role.Admin) && !u.Disabled);
    }

    [Fact]
    public async Task A_start_asked_to_reset_the_admin_password_sets_the_configured_one()
    {
        await using var restarted = await StartedOnceThenAsync("resetadmin", new()
        {
            ["Bootstrap:AdminPassword"] = "a-new-admin-password",
            ["Bootstrap:ResetAdminPassword"] = "true",
        });
        var oldPassword = await restarted.CreateClient().PostAsJsonAsync("/api/auth/tokens", new TokenRequest(PlatformFactory.AdminEmail, PlatformFactory.AdminPassword), ApiClient.Json);
        var admin = await restarted.SignedInAsync(PlatformFactory.AdminEmail, "a-new-admin-password");

        oldPassword.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await admin.GetAsync("/api/users")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_reset_for_an_address_without_an_account_refuses_to_start_and_says_why()
    {
        await using var restarted = await StartedOnceThenAsync("resetnobody", new()
        {
            ["Bootstrap:AdminEmail"] = "someone-else@platform.test",
            ["Bootstrap:ResetAdminPassword"] = "true",
        });

        var start = () => restarted.Server;

        start.Should().Throw<InvalidOperationException>().WithMessage("*no account someone-else@platform.test*");
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

    /// <summary>A host started once with the default settings (creating the first admin), then one to start with these.</summary>
    private static async Task<PlatformFactory> StartedOnceThenAsync(string purpose, Dictionary<string, string?> settings)
    {
        var database = await TestDatabase.CreateAsync(purpose);
        await using (var first = new PlatformFactory(database))
            _ = first.Server;
        return new PlatformFactory(database, settings);
    }
}
