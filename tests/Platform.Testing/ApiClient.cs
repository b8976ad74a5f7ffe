using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Accounts;
using Platform.Web.Accounts;

namespace Platform.Testing;

/// <summary>Talks to the API the way a script would: a bearer token from /api/auth/tokens.</summary>
public static class ApiClient
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) } };

    public static Task<HttpClient> SignedInAsync(this PlatformFactory factory, string email, string password) =>
        factory.CreateClient().SignInAsync(email, password);

    /// <summary>Gets a bearer token for the account and sends it with every later request of this client.</summary>
    public static async Task<HttpClient> SignInAsync(this HttpClient client, string email, string password)
    {
        var response = await client.PostAsJsonAsync("/api/auth/tokens", new TokenRequest(email, password), Json);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(Json);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.Token);
        return client;
    }

    public static Task<HttpClient> AdminAsync(this PlatformFactory factory) =>
        factory.SignedInAsync(PlatformFactory.AdminEmail, PlatformFactory.AdminPassword);

    /// <summary>An admin creates a Researcher account; returns that researcher's signed-in client.</summary>
    public static async Task<HttpClient> NewResearcherAsync(this PlatformFactory factory, string email)
    {
        const string password = "researcher-password";
        await (await factory.AdminAsync()).CreateUserAsync(email, password, Role.Researcher);
        return await factory.SignedInAsync(email, password);
    }

    public static async Task<UserView> CreateUserAsync(this HttpClient admin, string email, string password, params Role[] roles)
    {
        var response = await admin.PostAsJsonAsync("/api/users", new NewUser(email, email.Split('@')[0], password, roles), Json);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<UserView>(Json))!;
    }
}
