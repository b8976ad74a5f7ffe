using Microsoft.Playwright;
using Platform.BrowserTests.Pages;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class SignInAndRolesTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task The_admin_creates_a_researcher_who_signs_in_and_sees_the_studies_page()
    {
        var page = await Fixture.NewPageAsync();

        var admin = await new SignInPage(page).SignInAsync(PlatformFactory.AdminEmail, PlatformFactory.AdminPassword);
        await admin.OpenAsync("Users");
        var users = new UsersPage(page);
        await users.CreateAsync("rita@platform.test", "Rita Researcher", "rita-password-1", "Researcher");
        await Assertions.Expect(users.Rows.Filter(new() { HasText = "rita@platform.test" })).ToContainTextAsync("Researcher");
        await Screenshots.TakeAsync(page, "admin-users");
        var signIn = await admin.SignOutAsync();

        var researcher = await signIn.SignInAsync("rita@platform.test", "rita-password-1");

        await Assertions.Expect(researcher.SignedInAs).ToHaveTextAsync("Rita Researcher");
        await Assertions.Expect(researcher.NavLink("Users")).ToHaveCountAsync(0);
        await researcher.OpenAsync("Studies");
        page.Url.Should().EndWith("/studies");
        await researcher.GoHomeAsync();
        await Assertions.Expect(page.Locator(".next-step")).ToHaveCountAsync(2);
        await Screenshots.TakeAsync(page, "researcher-home");
    }

    [Fact]
    public async Task A_wrong_password_shows_a_readable_message_and_keeps_the_visitor_on_sign_in()
    {
        var page = await Fixture.NewPageAsync();
        await page.GotoAsync("/signin");
        await Screenshots.TakeAsync(page, "sign-in");

        await page.Locator("#email").FillAsync(PlatformFactory.AdminEmail);
        await page.Locator("#password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=signin-error]")).ToContainTextAsync("not right");
        page.Url.Should().Contain("/signin");
    }
}
