using System.Net;
using System.Net.Http.Json;
using Platform.Accounts;
using Platform.Testing;
using Platform.Web.Accounts;

namespace Platform.Tests.Accounts;

[Collection(PlatformHost.Name)]
public sealed class TokenTests(PlatformFixture fixture)
{
    private PlatformFactory Factory => fixture.Factory;

    [Fact]
    public async Task Right_password_gets_a_token_that_authenticates_the_api()
    {
        var client = Factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/tokens", new TokenRequest(PlatformFactory.AdminEmail, PlatformFactory.AdminPassword), ApiClient.Json);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(ApiClient.Json);
        token!.Token.Should().StartWith(SignInRecord.TokenPrefix);
        token.ExpiresAt.Should().BeAfter(DateTimeOffset.UtcNow.AddDays(6));
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.Token);
        var me = await client.GetFromJsonAsync<UserView>("/api/me", ApiClient.Json);
        me!.Email.Should().Be(PlatformFactory.AdminEmail);
        me.Roles.Should().Contain(Role.Admin);
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_problem_json()
    {
        var response = await Factory.CreateClient().PostAsJsonAsync("/api/auth/tokens", new TokenRequest(PlatformFactory.AdminEmail, "not-the-password"), ApiClient.Json);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain(Authenticator.RefusedMessage);
    }

    [Fact]
    public async Task Unknown_email_gets_the_same_answer_as_a_wrong_password()
    {
        var response = await Factory.CreateClient().PostAsJsonAsync("/api/auth/tokens", new TokenRequest("nobody@platform.test", "whatever-password"), ApiClient.Json);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Contain(Authenticator.RefusedMessage);
    }

    [Fact]
    public async Task A_revoked_token_no_longer_authenticates()
    {
        var client = await Factory.AdminAsync();

        (await client.DeleteAsync("/api/auth/tokens/current")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await client.GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_made_up_token_is_401_problem_json()
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "plat_made-up");

        var response = await client.GetAsync("/api/me");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }
}
