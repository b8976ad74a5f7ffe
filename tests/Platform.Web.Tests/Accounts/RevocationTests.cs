using System.Net;
using System.Net.Http.Json;
using Platform.Accounts;
using Platform.Testing;
using Platform.Web.Accounts;

namespace Platform.Tests.Accounts;

/// <summary>What was issued before a new password, new roles, disabling, signing out or a revocation stops working.</summary>
[Collection(PlatformHost.Name)]
public sealed class RevocationTests(PlatformFixture fixture)
{
    private const string Password = "researcher-password";
    private PlatformFactory Factory => fixture.Factory;

    [Fact]
    public async Task An_admin_resetting_a_password_ends_the_old_tokens_and_cookies()
    {
        var (email, token) = await NewResearcherAsync();
        var browser = await CookieBrowser.SignInAsync(Factory, email, Password);

        var reset = await (await Factory.AdminAsync()).PutAsJsonAsync($"/api/users/{await IdOf(email)}/password", new PasswordReset("a-brand-new-password"), ApiClient.Json);

        reset.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await token.GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await browser.GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await (await Factory.SignedInAsync(email, "a-brand-new-password")).GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.OK, "the new password signs in");
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
        var browser = await CookieBrowser.SignInAsync(Factory, email, Password);
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
        var browser = await CookieBrowser.SignInAsync(Factory, email, Password);

        var listed = await token.GetFromJsonAsync<List<SignInView>>("/api/auth/sign-ins", ApiClient.Json);

        listed.Should().HaveCount(2);
        listed!.Single(s => s.Current).Kind.Should().Be(SignInKind.Token);
        var cookie = listed.Single(s => s.Kind == SignInKind.Browser);
        cookie.Client.Should().Be(CookieBrowser.UserAgent);
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
        var browser = await CookieBrowser.SignInAsync(Factory, email, Password);
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
}
