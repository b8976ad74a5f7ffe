using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Accounts;
using Platform.Studies;
using Platform.Testing;
using Platform.Tests.Components;

namespace Platform.Tests.Studies;

/// <summary>The study page's Sharing section: the owner picks a researcher, shares, and removes them again; others only look.</summary>
public sealed class SharingPanelTests : BunitTest, IClassFixture<PlatformFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly UserAccounts _accounts;
    private readonly StudyCatalog _catalog;
    private readonly StudySharing _sharing;
    private readonly BunitAuthorizationContext _signedIn;

    public SharingPanelTests(PlatformFixture fixture)
    {
        _accounts = fixture.Factory.Services.GetRequiredService<UserAccounts>();
        _catalog = fixture.Factory.Services.GetRequiredService<StudyCatalog>();
        _sharing = fixture.Factory.Services.GetRequiredService<StudySharing>();
        Context.Services.AddSingleton(_sharing);
        _signedIn = Context.AddAuthorization();
        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public async Task The_owner_picks_a_researcher_shares_the_study_and_removes_them_again()
    {
        // Given an owner's study and a colleague among the researchers
        var owner = await ResearcherAsync("owner.panel");
        var colleague = await ResearcherAsync("colleague.panel");
        var study = await StudyOfAsync(owner);
        var page = Open(owner, study.Id);
        page.WaitForAssertion(() => page.Find("[data-testid=owner]").TextContent.Should().Contain(owner.Email), Patience);
        page.Markup.Should().Contain("Not shared");
        page.Find("[data-testid=share]").HasAttribute("disabled").Should().BeTrue("nobody is picked yet");

        // When the owner types part of the colleague's address, picks them and shares
        await PickAsync(page, "colleague.panel", colleague.Email);
        await page.Find("[data-testid=share]").ClickAsync(new());

        // Then the colleague is shown as a chip and the study is theirs too
        page.WaitForAssertion(() => page.Find("[data-testid=shared-with]").TextContent.Should().Contain(colleague.Email), Patience);
        (await _catalog.GetAsync(study.Id)).SharedWith.Should().Equal(colleague.Id);

        // When the owner closes the colleague's chip, the study is no longer shared
        await page.Find("[data-testid=shared-with] .mud-chip-close-button").ClickAsync(new());
        page.WaitForAssertion(() => page.FindAll("[data-testid=shared-with]").Should().BeEmpty(), Patience);
        (await _catalog.GetAsync(study.Id)).SharedWith.Should().BeEmpty();
        page.Markup.Should().Contain("Not shared");
    }

    [Fact]
    public async Task A_researcher_it_is_shared_with_sees_whom_it_belongs_to_but_cannot_change_it()
    {
        var owner = await ResearcherAsync("owner.readonly");
        var colleague = await ResearcherAsync("colleague.readonly");
        var study = await StudyOfAsync(owner);
        await _sharing.ShareAsync(study.Id, new ShareRequest(colleague.Email, null), new Actor(owner.Id, false), CancellationToken.None);

        var page = Open(colleague, study.Id);

        page.WaitForAssertion(() => page.Find("[data-testid=shared-with]").TextContent.Should().Contain(colleague.Email), Patience);
        page.Find("[data-testid=owner]").TextContent.Should().Contain(owner.Email);
        page.FindAll("[data-testid=shared-with] .mud-chip-close-button").Should().BeEmpty();
        page.FindAll("[data-testid=share]").Should().BeEmpty();
        page.Markup.Should().Contain("Only the owner or an admin changes whom the study is shared with.");
    }

    [Fact]
    public async Task A_refusal_is_shown_in_the_section_and_shares_nothing()
    {
        // Given a researcher picked in the list, whose account is disabled before the owner presses Share
        var owner = await ResearcherAsync("owner.refused");
        var leaving = await ResearcherAsync("leaving.refused");
        var study = await StudyOfAsync(owner);
        var page = Open(owner, study.Id);
        page.WaitForElement("[data-testid=share]", Patience);
        await PickAsync(page, "leaving.refused", leaving.Email);
        await _accounts.DisableAsync(new DisableUser(leaving.Id, owner.Id));

        await page.Find("[data-testid=share]").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=sharing-error]").TextContent.Should().Contain($"The account {leaving.Email} is disabled"), Patience);
        page.FindAll("[data-testid=shared-with]").Should().BeEmpty();
        (await _catalog.GetAsync(study.Id)).SharedWith.Should().BeEmpty();
    }

    private IRenderedComponent<IComponent> Open(UserAccount user, Guid studyId)
    {
        _signedIn.SetAuthorized(user.Email).SetRoles(Roles.Researcher)
            .SetClaims(new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()));
        return Context.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<SharingPanel>(1);
            builder.AddComponentParameter(2, nameof(SharingPanel.StudyId), studyId);
            builder.CloseComponent();
        });
    }

    /// <summary>Types into the researcher picker and clicks the suggestion that names the account.</summary>
    private static async Task PickAsync(IRenderedComponent<IComponent> page, string typed, string email)
    {
        await page.Find("input[data-testid=share-with], [data-testid=share-with] input").InputAsync(new ChangeEventArgs { Value = typed });
        IElement? suggestion = null;
        page.WaitForAssertion(() => suggestion = page.FindAll(".mud-popover .mud-list-item").Single(i => i.TextContent.Contains(email, StringComparison.Ordinal)), Patience);
        await suggestion!.ClickAsync(new());
        page.WaitForAssertion(() => page.Find("[data-testid=share]").HasAttribute("disabled").Should().BeFalse(), Patience);
    }

    private Task<Study> StudyOfAsync(UserAccount owner) => _catalog.CreateAsync(new DesignStudy(Guid.NewGuid(), new StudyBuilder().Build(), owner.Id));

    private async Task<UserAccount> ResearcherAsync(string name) =>
        await _accounts.RegisterAsync(new RegisterUser(Guid.NewGuid(), $"{name}@platform.test", name, "researcher-password", [Role.Researcher], null));
}
