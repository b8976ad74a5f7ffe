using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Platform.Testing;
using Platform.Tests.Components;
using Platform.Web.Generation.Batches;
using Platform.Web.Generation.Following;
using Platform.Web.Generation.Servers;
using Platform.Web.Studies;

namespace Platform.Tests.Generation;

/// <summary>A condition row's video size and length reach the plan, which refuses bad values in the page's usual message.</summary>
public sealed class StudyGenerationPageTests : BunitTest, IClassFixture<PlatformFixture>
{
    private readonly PlatformFixture _fixture;

    public StudyGenerationPageTests(PlatformFixture fixture)
    {
        _fixture = fixture;
        foreach (var service in new[] { typeof(StudyCatalog), typeof(ServerRegistry), typeof(GenerationBatches), typeof(StudyActivity) })
            Context.Services.AddSingleton(service, fixture.Factory.Services.GetRequiredService(service));
        Context.AddAuthorization().SetAuthorized("researcher").SetClaims(new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()));
        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public async Task Out_of_range_frames_size_and_fps_are_refused_with_a_readable_message_and_no_plan()
    {
        await (await _fixture.Factory.AdminAsync()).RegisterServerAsync("http://127.0.0.1:9/", name: "gpu-page");
        var studyId = await (await _fixture.ResearcherAsync()).CreateStudyAsync(new StudyBuilder().Build());
        var page = Context.Render<StudyGenerationPage>(p => p.Add(x => x.Id, studyId));
        page.WaitForAssertion(() => page.FindAll("[data-testid=condition-row]").Should().HaveCount(2), TimeSpan.FromSeconds(10));
        page.FindAll("[data-testid=condition-row] [data-testid=condition-fps]").Should().HaveCount(2);

        page.Find("[data-testid=batch-prompts]").Change("a dancer spins");
        page.Find("[data-testid=condition-row] [data-testid=condition-frames]").Change("0");
        page.Find("[data-testid=condition-row] [data-testid=condition-width]").Change("5000");
        page.Find("[data-testid=condition-row] [data-testid=condition-fps]").Change("121");
        page.Find("[data-testid=batch-preview]").Click();

        var snackbar = Context.Services.GetRequiredService<ISnackbar>();
        page.WaitForAssertion(() => snackbar.ShownSnackbars.Select(s => s.Message).Should().ContainSingle().Which.Should().Be(
            "The batch needs for condition 'base-model' 1 to 1000 frames; for condition 'base-model' a width and height of 16 to 4096 pixels; "
            + "for condition 'base-model' 1 to 120 frames per second."), TimeSpan.FromSeconds(10));
        page.FindAll("[data-testid=batch-plan]").Should().BeEmpty();
    }
}
