using System.Net;
using System.Net.Http.Json;
using Platform.Testing;
using Platform.Web.Accounts;

namespace Platform.Tests.Accounts;

#pragma warning disable CA1001 // xunit disposes it through IAsyncLifetime
public sealed class RateLimitTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private PlatformFactory _factory = default!;

    public async Task InitializeAsync() =>
        _factory = new PlatformFactory(await TestDatabase.CreateAsync("ratelimit"), new Dictionary<string, string?>
        {
            ["Accounts:SignInAttemptsPerAccountPerMinute"] = "3",
            ["Accounts:SignInAttemptsPerClientPerMinute"] = "8",
        });

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Repeated_attempts_on_one_account_are_refused_even_with_the_right_password()
    {
        var client = _factory.CreateClient();
        for (var i = 0; i < 3; i++)
            await client.PostAsJsonAsync("/api/auth/tokens", new TokenRequest(PlatformFactory.AdminEmail, "wrong-password"), ApiClient.Json);

        var response = await client.PostAsJsonAsync("/api/auth/tokens", new TokenRequest(PlatformFactory.AdminEmail, PlatformFactory.AdminPassword), ApiClient.Json);

        response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter!.Delta!.Value.Should().BePositive();
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task Trying_many_accounts_from_one_client_is_refused_too()
    {
        var client = _factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 9; i++)
            statuses.Add((await client.PostAsJsonAsync("/api/auth/tokens", new TokenRequest($"guess{i}@platform.test", "guessed-password"), ApiClient.Json)).StatusCode);

        statuses.Take(8).Should().AllBeEquivalentTo(HttpStatusCode.Unauthorized);
        statuses[8].Should().Be(HttpStatusCode.TooManyRequests);
    }
}
