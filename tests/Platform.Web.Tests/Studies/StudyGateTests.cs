using Bunit;
using Microsoft.AspNetCore.Components;
using Platform.Accounts;
using Platform.Studies;
using Platform.Web.Studies;

namespace Platform.Tests.Studies;

/// <summary>The router's gate: a study's pages only for those it belongs to, checked again while the page is open.</summary>
[Collection(StudiesHost.Name)]
public sealed class StudyGateTests(PlatformFixture fixture) : StudyPeopleTest(fixture, typeof(StudyGuard))
{
    private int _notFound;

    [Fact]
    public async Task A_study_page_shows_for_a_colleague_and_closes_once_the_study_is_unshared()
    {
        var owner = await ResearcherAsync("owner.gate");
        var colleague = await ResearcherAsync("colleague.gate");
        var study = await StudyOfAsync(owner);
        await Sharing.ShareAsync(study.Id, new ShareRequest(null, colleague.Id), new Actor(owner.Id, false), CancellationToken.None);

        var gate = Open(colleague, typeof(StudyPage), study.Id);
        gate.WaitForAssertion(() => gate.Find("[data-testid=page]"), Patience);
        await Sharing.UnshareAsync(study.Id, colleague.Id, new Actor(owner.Id, false), CancellationToken.None);

        gate.WaitForAssertion(() => (gate.FindAll("[data-testid=page]").Count, _notFound).Should().Be((0, 1)), Patience);
    }

    [Fact]
    public async Task A_stranger_gets_not_found_and_sees_nothing_of_the_study()
    {
        var owner = await ResearcherAsync("owner.stranger-gate");
        var stranger = await ResearcherAsync("stranger.gate");
        var study = await StudyOfAsync(owner);

        var gate = Open(stranger, typeof(Platform.Web.Results.ResultsPage), study.Id);

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
        SignIn(user);
        Context.Services.GetRequiredService<NavigationManager>().OnNotFound += (_, _) => _notFound++;
        var values = studyId is { } id ? new Dictionary<string, object?> { ["Id"] = id } : [];
        return Context.Render<StudyGate>(p => p
            .Add(g => g.RouteData, new RouteData(page, values))
            .Add(g => g.RecheckEvery, TimeSpan.FromMilliseconds(100))
            .Add(g => g.ChildContent, (RenderFragment)(b => b.AddMarkupContent(0, "<p data-testid=\"page\">the study's page</p>"))));
    }
}
