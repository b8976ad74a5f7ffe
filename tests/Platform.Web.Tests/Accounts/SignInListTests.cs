using Bunit;
using Platform.Accounts;
using Platform.Testing;
using Platform.Tests.Components;
using Platform.Web.Accounts;

namespace Platform.Tests.Accounts;

/// <summary>The list on /account and in the admin's dialog: each sign-in revocable, "this one" marked, all of them at once.</summary>
[Collection(PlatformHost.Name)]
public sealed class SignInListTests : BunitTest
{
    private readonly PlatformFactory _factory;
    private readonly SignIns _signIns;

    public SignInListTests(PlatformFixture fixture)
    {
        _factory = fixture.Factory;
        _signIns = _factory.Services.GetRequiredService<SignIns>();
        Context.Services.AddSingleton(_signIns);
        Context.Services.AddSingleton(_factory.Services.GetRequiredService<UserAccounts>());
    }

    [Fact]
    public async Task Revoking_a_row_ends_that_sign_in_and_marks_the_viewers_own()
    {
        var (user, mine, other) = await UserWithTwoSignInsAsync();
        var list = Context.Render<SignInList>(p => p.Add(l => l.UserId, user.Id).Add(l => l.By, user.Id).Add(l => l.CurrentSecret, mine));
        list.WaitForAssertion(() => list.FindAll("[data-testid=revoke-sign-in]").Should().HaveCount(2));
        list.Markup.Should().Contain("this one").And.Contain("Firefox on the lab laptop");

        // The rows are newest first: the other sign-in, a browser, was issued last.
        await list.FindAll("[data-testid=revoke-sign-in]")[0].ClickAsync(new());

        list.WaitForAssertion(() => list.FindAll("[data-testid=revoke-sign-in]").Should().HaveCount(1));
        (await _signIns.CheckAsync(other, CancellationToken.None)).Should().BeNull();
        (await _signIns.CheckAsync(mine, CancellationToken.None))!.Id.Should().Be(user.Id);
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_every_sign_in_of_the_account()
    {
        var (user, mine, other) = await UserWithTwoSignInsAsync();
        var list = Context.Render<SignInList>(p => p.Add(l => l.UserId, user.Id).Add(l => l.By, Guid.NewGuid()));
        list.WaitForAssertion(() => list.FindAll("[data-testid=revoke-sign-in]").Should().HaveCount(2));

        await list.Find("[data-testid=revoke-all-sign-ins]").ClickAsync(new());

        list.WaitForAssertion(() => list.Markup.Should().Contain("No working sign-ins."));
        (await _signIns.CheckAsync(mine, CancellationToken.None)).Should().BeNull();
        (await _signIns.CheckAsync(other, CancellationToken.None)).Should().BeNull();
    }

    private async Task<(UserAccount User, string Mine, string Other)> UserWithTwoSignInsAsync()
    {
        var accounts = _factory.Services.GetRequiredService<UserAccounts>();
        var user = await accounts.RegisterAsync(new RegisterUser(Guid.NewGuid(), $"list-{Guid.NewGuid():N}@platform.test", "Lister", "lister-password", [Role.Annotator], null));
        var mine = await _signIns.IssueAsync(user, SignInKind.Token, "curl/8", TimeSpan.FromDays(1), CancellationToken.None);
        await Task.Delay(5);
        var other = await _signIns.IssueAsync(user, SignInKind.Browser, "Firefox on the lab laptop", TimeSpan.FromDays(1), CancellationToken.None);
        return (user, mine, other);
    }
}
