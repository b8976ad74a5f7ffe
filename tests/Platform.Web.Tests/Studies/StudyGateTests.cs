using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Platform.Accounts;
using Platform.Studies;
using Platform.Testing;
using Platform.Tests.Components;

namespace Platform.Tests.Studies;

/// <summary>The router's gate: a study's pages only for those it belongs to, checked again while the page is open.</summary>
public sealed class StudyGateTests : BunitTest, IClassFixture<PlatformFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly UserAccounts _accounts;
    private readonly StudyCatalog _catalog;
    private readonly StudySharing _sharing;
    private readonly BunitAuthorizationContext _signedIn;
    private int _notFound;

    public StudyGateTests(PlatformFixture fixture)
    {
        _accounts = fixture.Factory.Services.GetRequiredService<UserAccounts>();
        _catalog = fixture.Factory.Services.GetRequiredService<StudyCatalog>();
        _sharing = fixture.Factory.Services.GetRequiredService<StudySharing>();
        Context.Services.AddSingleton(fixture.Factory.Services.GetRequiredService<StudyGuard>());
        _signedIn = Context.AddAuthorization();
        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public async Task A_study_page_shows_for_a_colleague_and_closes_once_the_study_is_unshared()
    {
        var owner = await ResearcherAsync("owner.gate");
        var colleague = await ResearcherAsync("colleague.gate");
        var study = await _catalog.CreateAsync(new DesignStudy(Guid.NewGuid(), new StudyBuilder().Build(), owner.Id));
        await _sharing.ShareAsync(study.Id, new ShareRequest(null, colleague.Id), new Actor(owner.Id, false), CancellationToken.None);

        var gate = Open(colleague, typeof(StudyPage), study.Id);
        gate.WaitForAssertion(() => gate.Find("[data-testid=page]"), Patience);
        await _sharing.UnshareAsync(study.Id, colleague.Id, new Actor(owner.Id, false), CancellationToken.None);

        gate.WaitForAssertion(() => gate.FindAll("[data-testid=page]").Should().BeEmpty(), Patience);
        _notFound.Should().Be(1);
    }

    [Fact]
    public async Task A_stranger_gets_not_found_and_sees_nothing_of_the_study()
    {
        var owner = await ResearcherAsync("owner.stranger-gate");
        var stranger = await ResearcherAsync("stranger.gate");
        var study = await _catalog.CreateAsync(new DesignStudy(Guid.NewGuid(), new StudyBuilder().Build(), owner.Id));

        var gate = Open(stranger, typeof(Platform.Results.ResultsPage), study.Id);

        gate.WaitForAssertion(() => _notFound.Should().Be(1), Patience);
        gate.FindAll("[data-testid=page]").Should().BeEmpty();
    }

    [Fact]
    public async Task Pages_of_no_one_study_are_not_held_back()
    {
        var stranger = await ResearcherAsync("stranger.lists");

        var gate = Open(stranger, typeof(StudiesPage), null);

        gate.Find("[data-testid=page]");
        _notFound.Should().Be(0);
    }

    private IRenderedComponent<StudyGate> Open(UserAccount user, Type page, Guid? studyId)
    {
        _signedIn.SetAuthorized(user.Email).SetRoles(Roles.Researcher).SetClaims(new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()));
        Context.Services.GetRequiredService<NavigationManager>().OnNotFound += (_, _) => _notFound++;
        var values = studyId is { } id ? new Dictionary<string, object?> { ["Id"] = id } : [];
        return Context.Render<StudyGate>(p => p
            .Add(g => g.RouteData, new RouteData(page, values))
            .Add(g => g.RecheckEvery, TimeSpan.FromMilliseconds(100))
            .Add(g => g.ChildContent, (RenderFragment)(b => b.AddMarkupContent(0, "<p data-testid=\"page\">the study's page</p>"))));
    }

    private async Task<UserAccount> ResearcherAsync(string name) =>
        await _accounts.RegisterAsync(new RegisterUser(Guid.NewGuid(), $"{name}@platform.test", name, "researcher-password", [Role.Researcher], null));
}
