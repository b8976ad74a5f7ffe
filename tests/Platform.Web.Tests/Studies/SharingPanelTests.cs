using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Accounts;
using Platform.Studies;
using Platform.Web.Studies;

namespace Platform.Tests.Studies;

/// <summary>The study page's Sharing section: the owner picks a researcher, shares, and removes them again; others only look.</summary>
[Collection(StudiesHost.Name)]
public sealed class SharingPanelTests(PlatformFixture fixture) : StudyPeopleTest(fixture, typeof(StudySharing))
{
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
        (await Catalog.GetAsync(study.Id)).SharedWith.Should().Equal(colleague.Id);

        // When the owner closes the colleague's chip, the study is no longer shared
        await page.Find("[data-testid=shared-with] .mud-chip-close-button").ClickAsync(new());
        page.WaitForAssertion(() => page.FindAll("[data-testid=shared-with]").Should().BeEmpty(), Patience);
        (await Catalog.GetAsync(study.Id)).SharedWith.Should().BeEmpty();
        page.Markup.Should().Contain("Not shared");
    }

    [Fact]
    public async Task A_researcher_it_is_shared_with_sees_whom_it_belongs_to_but_cannot_change_it()
    {
        var owner = await ResearcherAsync("owner.readonly");
        var colleague = await ResearcherAsync("colleague.readonly");
        var study = await StudyOfAsync(owner);
        await Sharing.ShareAsync(study.Id, new ShareRequest(colleague.Email, null), new Actor(owner.Id, false), CancellationToken.None);

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
        await DisableAsync(leaving, by: owner);

        await page.Find("[data-testid=share]").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=sharing-error]").TextContent.Should().Contain($"The account {leaving.Email} is disabled"), Patience);
        page.FindAll("[data-testid=shared-with]").Should().BeEmpty();
        (await Catalog.GetAsync(study.Id)).SharedWith.Should().BeEmpty();
    }

    private IRenderedComponent<IComponent> Open(UserAccount user, Guid studyId)
    {
        SignIn(user);
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
}
