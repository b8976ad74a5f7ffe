using System.Security.Claims;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Platform.Accounts;
using Platform.Studies;
using Platform.Testing;
using Platform.Tests.Components;
using Platform.Web.Accounts;
using Platform.Web.Studies;

namespace Platform.Tests.Studies;

/// <summary>A bUnit context on the fixture's host: researchers and their studies made there, one of them signed in.</summary>
public abstract class StudyPeopleTest : BunitTest
{
    private readonly UserAccounts _accounts;
    private readonly BunitAuthorizationContext _signedIn;

    protected StudyPeopleTest(PlatformFixture fixture, params Type[] services)
    {
        var host = fixture.Factory.Services;
        _accounts = host.GetRequiredService<UserAccounts>();
        Catalog = host.GetRequiredService<StudyCatalog>();
        Sharing = host.GetRequiredService<StudySharing>();
        foreach (var service in services)
            Context.Services.AddSingleton(service, host.GetRequiredService(service));
        _signedIn = Context.AddAuthorization();
        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected static TimeSpan Patience { get; } = TimeSpan.FromSeconds(15);

    protected StudyCatalog Catalog { get; }

    protected StudySharing Sharing { get; }

    protected Task<UserAccount> ResearcherAsync(string name) =>
        _accounts.RegisterAsync(new RegisterUser(Guid.NewGuid(), $"{name}@platform.test", name, "researcher-password", [Role.Researcher], null));

    protected Task<Study> StudyOfAsync(UserAccount owner) => Catalog.CreateAsync(new DesignStudy(Guid.NewGuid(), new StudyBuilder().Build(), owner.Id));

    protected Task DisableAsync(UserAccount user, UserAccount by) => _accounts.DisableAsync(new DisableUser(user.Id, by.Id));

    protected void SignIn(UserAccount user) =>
        _signedIn.SetAuthorized(user.Email).SetRoles(Roles.Researcher).SetClaims(new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()));
}
