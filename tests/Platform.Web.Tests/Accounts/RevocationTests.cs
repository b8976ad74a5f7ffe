using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Accounts;
using Platform.Testing;

namespace Platform.Tests.Accounts;

/// <summary>What was issued before a new password, new roles, disabling, signing out or a revocation stops working.</summary>
public sealed partial class RevocationTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private const string Password = "researcher-password";
    private PlatformFactory Factory => fixture.Factory;

    [Fact]
    public async Task An_admin_resetting_a_password_ends_the_old_tokens_and_cookies()
    {
        var (email, token) = await NewResearcherAsync();
        var browser = await Browser.SignInAsync(Factory, email, Password);

        var reset = await (await Factory.AdminAsync()).PutAsJsonAsync($"/api/users/{await IdOf(email)}/password", new PasswordReset("a-brand-new-password"), ApiClient.Json);

        reset.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await token.GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await browser.GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Factory.SignedInAsync(email, "a-brand-new-password")).Should().NotBeNull("the new password signs in");
    }

    [Fact]
    public async Task Disabling_and_enabling_again_does_not_bring_old_tokens_back()
    {
        var (email, token) = await NewResearcherAsync();
        var admin = await Factory.AdminAsync();
        var id = await IdOf(email);

        (await admin.PostAsync($"/api/users/{id}/disable", null)).EnsureSuccessStatusCode();
        (await admin.PostAsync($"/api/users/{id}/enable", null)).EnsureSuccessStatusCode();

        (await token.GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await (await Factory.SignedInAsync(email, Password)).GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_role_change_ends_the_old_tokens()
    {
        var (email, token) = await NewResearcherAsync();

        (await (await Factory.AdminAsync()).PutAsJsonAsync($"/api/users/{await IdOf(email)}/roles", new RolesChange([Role.Annotator]), ApiClient.Json)).EnsureSuccessStatusCode();

        (await token.GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Signing_out_ends_the_cookie_wherever_a_copy_of_it_is()
    {
        var (email, _) = await NewResearcherAsync();
        var browser = await Browser.SignInAsync(Factory, email, Password);
        var copy = browser.Copy();
        (await copy.GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.OK);

        var signOut = await browser.SignOutAsync();

        signOut.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await copy.GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await copy.GetAsync("/studies")).Headers.Location!.ToString().Should().Contain("/signin", "a page sends the copied cookie to sign in again");
    }

    [Fact]
    public async Task An_owner_lists_their_sign_ins_and_revokes_one()
    {
        var (email, token) = await NewResearcherAsync();
        var browser = await Browser.SignInAsync(Factory, email, Password);

        var listed = await token.GetFromJsonAsync<List<SignInView>>("/api/auth/sign-ins", ApiClient.Json);

        listed.Should().HaveCount(2);
        listed!.Single(s => s.Current).Kind.Should().Be(SignInKind.Token);
        var cookie = listed.Single(s => s.Kind == SignInKind.Browser);
        cookie.Client.Should().Be(Browser.UserAgent);
        (await token.DeleteAsync($"/api/auth/sign-ins/{cookie.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await browser.GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await token.GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Nobody_revokes_or_sees_another_accounts_sign_ins_but_an_admin()
    {
        var (_, mine) = await NewResearcherAsync();
        var (otherEmail, other) = await NewResearcherAsync();
        var theirs = (await other.GetFromJsonAsync<List<SignInView>>("/api/auth/sign-ins", ApiClient.Json))!.Single();

        (await mine.DeleteAsync($"/api/auth/sign-ins/{theirs.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await mine.DeleteAsync("/api/auth/sign-ins/%27%3B%20drop%20table%20mt_doc_apitoken")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await mine.GetAsync($"/api/users/{await IdOf(otherEmail)}/sign-ins")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await other.GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.OK);

        var admin = await Factory.AdminAsync();
        var seen = await admin.GetFromJsonAsync<List<SignInView>>($"/api/users/{await IdOf(otherEmail)}/sign-ins", ApiClient.Json);
        seen!.Single().Id.Should().Be(theirs.Id);
        (await admin.DeleteAsync($"/api/users/{await IdOf(otherEmail)}/sign-ins/{theirs.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await other.GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_every_token_and_cookie_of_the_account_only()
    {
        var (email, token) = await NewResearcherAsync();
        var second = await Factory.SignedInAsync(email, Password);
        var browser = await Browser.SignInAsync(Factory, email, Password);
        var (_, bystander) = await NewResearcherAsync();

        (await second.PostAsync("/api/auth/sign-ins/revoke-all", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await token.GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await second.GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await browser.GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await bystander.GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static int _next;

    private async Task<(string Email, HttpClient Token)> NewResearcherAsync()
    {
        var email = $"revoke-{Interlocked.Increment(ref _next)}-{Guid.NewGuid():N}@platform.test";
        await (await Factory.AdminAsync()).CreateUserAsync(email, Password, Role.Researcher);
        return (email, await Factory.SignedInAsync(email, Password));
    }

    private async Task<Guid> IdOf(string email) =>
        (await (await Factory.AdminAsync()).GetFromJsonAsync<List<UserView>>("/api/users", ApiClient.Json))!.Single(u => u.Email == email).Id;

    /// <summary>A browser whose cookies the test holds itself, so it can copy them into another client.</summary>
    private sealed partial class Browser(PlatformFactory factory, Dictionary<string, string> cookies)
    {
        public const string UserAgent = "RevocationTests/1.0 (a browser)";

        private readonly HttpClient _client = Create(factory);

        public static async Task<Browser> SignInAsync(PlatformFactory factory, string email, string password)
        {
            var browser = new Browser(factory, []);
            var form = await browser.GetFormTokenAsync("/signin");
            var response = await browser.PostAsync("/signin", new Dictionary<string, string>
            {
                ["_handler"] = "signin", ["__RequestVerificationToken"] = form, ["Input.Email"] = email, ["Input.Password"] = password,
            });
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, "the sign-in form redirects once the cookie is set");
            return browser;
        }

        public Browser Copy() => new(factory, new Dictionary<string, string>(cookies));

        public Task<HttpResponseMessage> GetAsync(string path) => Send(new HttpRequestMessage(HttpMethod.Get, path));

        public async Task<HttpResponseMessage> SignOutAsync() =>
            await PostAsync("/signout", new Dictionary<string, string> { ["__RequestVerificationToken"] = await GetFormTokenAsync("/account") });

        private async Task<string> GetFormTokenAsync(string page)
        {
            var html = await (await GetAsync(page)).Content.ReadAsStringAsync();
            return WebUtility.HtmlDecode(AntiforgeryField().Match(html).Groups["token"].Value);
        }

        private Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> form) =>
            Send(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) });

        private async Task<HttpResponseMessage> Send(HttpRequestMessage request)
        {
            if (cookies.Count > 0)
                request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
            var response = await _client.SendAsync(request);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';')[0].Split('=', 2);
                if (header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) cookies.Remove(pair[0]);
                else cookies[pair[0]] = pair[1];
            }
            return response;
        }

        private static HttpClient Create(PlatformFactory factory)
        {
            var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
            return client;
        }

        [GeneratedRegex("""name="__RequestVerificationToken"[^>]*value="(?<token>[^"]+)""")]
        private static partial Regex AntiforgeryField();
    }
}
