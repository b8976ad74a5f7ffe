using System.Net;
using System.Net.Http.Json;
using Platform.Accounts;
using Platform.Testing;
using Platform.Web.Accounts;

namespace Platform.Tests.Accounts;

[Collection(PlatformHost.Name)]
public sealed class UsersApiTests(PlatformFixture fixture)
{
    private PlatformFactory Factory => fixture.Factory;

    [Fact]
    public async Task A_reviewer_gets_403_problem_json_on_an_admin_endpoint()
    {
        var admin = await Factory.AdminAsync();
        await admin.CreateUserAsync("reviewer@platform.test", "reviewer-password", Role.Reviewer);
        var reviewer = await Factory.SignedInAsync("reviewer@platform.test", "reviewer-password");

        var response = await reviewer.GetAsync("/api/users");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task An_anonymous_caller_gets_401_problem_json()
    {
        var response = await Factory.CreateClient().GetAsync("/api/users");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task An_admin_creates_an_account_that_can_sign_in_with_its_roles()
    {
        var admin = await Factory.AdminAsync();

        var created = await admin.CreateUserAsync("  Researcher@Platform.test ", "researcher-password", Role.Researcher);

        created.Email.Should().Be("researcher@platform.test");
        var researcher = await Factory.SignedInAsync("researcher@platform.test", "researcher-password");
        var me = await researcher.GetFromJsonAsync<UserView>("/api/me", ApiClient.Json);
        me!.Roles.Should().Equal(Role.Researcher);
    }

    [Fact]
    public async Task A_second_account_for_the_same_address_is_409_and_changes_nothing()
    {
        var admin = await Factory.AdminAsync();
        await admin.CreateUserAsync("twice@platform.test", "first-password", Role.Annotator);
        var before = await admin.GetFromJsonAsync<List<UserView>>("/api/users", ApiClient.Json);

        var response = await admin.PostAsJsonAsync("/api/users", new NewUser("TWICE@platform.test", "Twice", "second-password", [Role.Admin]), ApiClient.Json);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await admin.GetFromJsonAsync<List<UserView>>("/api/users", ApiClient.Json)).Should().BeEquivalentTo(before);
        await Factory.SignedInAsync("twice@platform.test", "first-password");
    }

    [Theory]
    [InlineData("not-an-email", "long-enough-password", "not a valid email")]
    [InlineData("short@platform.test", "short", "at least 10 characters")]
    public async Task Bad_input_is_400_with_the_reason_and_stores_nothing(string email, string password, string reason)
    {
        var admin = await Factory.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/users", new NewUser(email, "Someone", password, [Role.Annotator]), ApiClient.Json);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain(reason);
        var users = await admin.GetFromJsonAsync<List<UserView>>("/api/users", ApiClient.Json);
        users!.Should().NotContain(u => u.Email == email);
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_tokens_and_sign_ins_until_it_is_enabled()
    {
        var admin = await Factory.AdminAsync();
        var user = await admin.CreateUserAsync("leaving@platform.test", "leaving-password", Role.Annotator);
        var leaving = await Factory.SignedInAsync("leaving@platform.test", "leaving-password");

        (await admin.PostAsync($"/api/users/{user.Id}/disable", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await leaving.GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var again = await Factory.CreateClient().PostAsJsonAsync("/api/auth/tokens", new TokenRequest("leaving@platform.test", "leaving-password"), ApiClient.Json);
        again.StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        (await admin.PostAsync($"/api/users/{user.Id}/enable", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await Factory.SignedInAsync("leaving@platform.test", "leaving-password");
    }

    [Fact]
    public async Task Changed_roles_end_the_old_sign_ins_and_apply_to_the_next()
    {
        var admin = await Factory.AdminAsync();
        var user = await admin.CreateUserAsync("promoted@platform.test", "promoted-password", Role.Reviewer);
        var promoted = await Factory.SignedInAsync("promoted@platform.test", "promoted-password");

        (await admin.PutAsJsonAsync($"/api/users/{user.Id}/roles", new RolesChange([Role.Reviewer, Role.Admin]), ApiClient.Json))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await promoted.GetAsync("/api/users")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await (await Factory.SignedInAsync("promoted@platform.test", "promoted-password")).GetAsync("/api/users")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_admin_cannot_disable_their_own_account()
    {
        var admin = await Factory.AdminAsync();
        var me = await admin.GetFromJsonAsync<UserView>("/api/me", ApiClient.Json);

        var response = await admin.PostAsync($"/api/users/{me!.Id}/disable", null);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync()).Should().Contain("cannot disable your own account");
    }

    [Fact]
    public async Task An_unknown_account_is_404()
    {
        var admin = await Factory.AdminAsync();

        var response = await admin.PostAsync($"/api/users/{Guid.NewGuid()}/disable", null);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_new_password_replaces_the_old_one()
    {
        var admin = await Factory.AdminAsync();
        var user = await admin.CreateUserAsync("forgetful@platform.test", "old-password-1", Role.Annotator);

        (await admin.PutAsJsonAsync($"/api/users/{user.Id}/password", new PasswordReset("new-password-2"), ApiClient.Json))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);

        var old = await Factory.CreateClient().PostAsJsonAsync("/api/auth/tokens", new TokenRequest("forgetful@platform.test", "old-password-1"), ApiClient.Json);
        old.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await Factory.SignedInAsync("forgetful@platform.test", "new-password-2");
    }
}
