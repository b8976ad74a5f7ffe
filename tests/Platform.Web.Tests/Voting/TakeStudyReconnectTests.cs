using System.Net.Http.Json;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Platform.Testing;
using Platform.Tests.Components;
using Platform.Web.Hosting.Database;
using Platform.Web.Studies;
using Platform.Web.Voting;
using Platform.Web.Voting.Taking;

namespace Platform.Tests.Voting;

/// <summary>The participant page over a host whose PostgreSQL the test stops and starts again.</summary>
public sealed class TakeStudyReconnectTests : BunitTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_answer_given_while_the_database_is_down_is_kept_shown_as_reconnecting_and_recorded_once_it_is_back()
    {
        var directory = TestDatabase.NewDirectory("reconnect");
        try
        {
            await using var cluster = await EmbeddedPostgres.StartAsync(Path.Combine(directory, "postgres"), settings: ["fsync=off"]);
            await using var factory = new PlatformFactory(await cluster.EnsureDatabaseAsync("platform"));
            var researcher = await factory.NewResearcherAsync("reconnect.researcher@platform.test");
            var studyId = await researcher.OpenStudyWithVideosAsync(new StudyBuilder { TrialsPerParticipant = 2 }.Build(), prompts: 2);
            // Started through the API, and its token in the browser's storage, so the page resumes the session at its first trial.
            var token = await factory.CreateClient().StartSessionAsync(studyId, "reconnecting-participant");
            Context.JSInterop.Setup<string?>("localStorage.getItem", $"platform-session:{studyId}:reconnecting-participant").SetResult(token);
            Context.Services.AddSingleton(factory.Services.GetRequiredService<NextTrials>());
            Context.Services.AddSingleton(factory.Services.GetRequiredService<JudgmentRecorder>());
            Context.Services.AddSingleton(factory.Services.GetRequiredService<SessionReturns>());
            Context.Services.AddSingleton(factory.Services.GetRequiredService<SessionStarts>());
            Context.Services.AddSingleton(factory.Services.GetRequiredService<StudyCatalog>());
            Context.Services.AddSingleton(factory.Services.GetRequiredService<Instructions>());
            Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
            var navigation = Context.Services.GetRequiredService<NavigationManager>();
            navigation.NavigateTo(navigation.GetUriWithQueryParameter("participant", "reconnecting-participant"));
            var page = Context.Render<TakeStudy>(p => p.Add(x => x.StudyId, studyId));
            page.WaitForElement("[data-testid=trial]", Patience);
            var first = page.Find("[data-testid=trial]").GetAttribute("data-trial");
            await page.InvokeAsync(() => page.FindComponent<TrialPlayer>().Instance.OnPlayedThrough());

            await EmbeddedPostgres.StopAsync(cluster.DataDirectory, "immediate");
            var answering = page.Find("button[data-choice=left]").ClickAsync(new MouseEventArgs());
            page.WaitForAssertion(() => page.Find("[data-testid=reconnecting]").TextContent.Should().Contain("your answer is kept"), Patience);
            page.Find("[data-testid=trial]").GetAttribute("data-trial").Should().Be(first, "the trial stays while its answer waits");
            await cluster.EnsureRunningAsync();
            await answering;

            page.WaitForAssertion(() => page.Find("[data-testid=trial]").GetAttribute("data-trial").Should().NotBe(first), Patience);
            page.FindAll("[data-testid=reconnecting]").Should().BeEmpty();
            var state = await factory.CreateClient().GetFromJsonAsync<SessionState>($"/api/sessions/{token}", ApiClient.Json);
            state!.Progress.Done.Should().Be(1, "the answer was recorded once");
            var csv = (await researcher.GetStringAsync($"/api/studies/{studyId}/judgments.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            csv.Should().HaveCount(2).And.Contain(line => line.Contains(",reconnecting-participant,", StringComparison.Ordinal) && line.Contains(",left,", StringComparison.Ordinal));
        }
        finally
        {
            TestDatabase.Remove(directory);
        }
    }
}
