using Microsoft.Playwright;
using Platform.BrowserTests.Pages;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class GeneratingTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task An_admin_registers_the_render_server_and_a_researcher_fills_a_study_from_the_generation_page()
    {
        await using var render = await ReferenceRenderServer.StartAsync(latency: TimeSpan.FromMilliseconds(300));
        var api = await Fixture.ResearcherAsync();
        var studyId = await api.CreateStudyAsync(new StudyBuilder { Title = "Generated in the UI", Tasks = ["dance"] }.Build());
        var page = await Fixture.NewPageAsync();
        await new SignInPage(page).SignInAsync(PlatformFactory.AdminEmail, PlatformFactory.AdminPassword);
        var generation = new GenerationPages(page);

        await generation.RegisterServerAsync("UI render server", render.BaseUrl);
        await Assertions.Expect(page.GetByTestId("worker-capacity")).ToContainTextAsync("generation workers");
        await Screenshots.TakeAsync(page, "admin-servers");
        await generation.OpenAsync(studyId);
        await generation.GenerateAsync("a dancer spins", "1, 2");

        await Assertions.Expect(generation.LatestBatchCounts).ToContainTextAsync("4 done", new() { Timeout = 60_000 });
        await Screenshots.TakeAsync(page, "researcher-generation");
        var videos = await api.WaitForVideosAsync(studyId);
        videos.Should().HaveCount(4).And.OnlyContain(v => v.Prompt == "a dancer spins");
    }
}
