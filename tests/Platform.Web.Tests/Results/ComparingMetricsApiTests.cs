using System.Net.Http.Json;
using Marten;
using Platform.Studies;
using Platform.Testing;
using Platform.Voting;
using Platform.Web.Results;

namespace Platform.Tests.Results;

/// <summary>Imported per-video metrics set beside what participants answered through the API.</summary>
[Collection(ResultsHost.Name)]
public sealed class ComparingMetricsApiTests(PlatformFixture fixture)
{
    [Fact]
    public async Task Each_conditions_mean_metric_stands_beside_its_success_rate_and_rho_says_how_far_they_agree()
    {
        // Given a rating study of 4 videos (2 conditions × 2 prompts) and six participants who pass ours and fail the base model
        var researcher = await fixture.ResearcherAsync();
        var settings = StudyBuilder.Rating() with { Tasks = ["dance"], JudgmentsPerTrial = 6, TrialsPerParticipant = 4 };
        var studyId = await researcher.OpenStudyWithVideosAsync(settings.Build(), prompts: 2);
        var conditionOf = await ConditionsByMediaAsync(studyId);
        var participant = fixture.Factory.CreateClient();
        for (var p = 0; p < 6; p++)
        {
            var token = await participant.StartSessionAsync(studyId, $"metrics-worker-{p}");
            for (var t = 0; t < 4; t++)
            {
                var trial = await participant.NextTrialAsync(token);
                var condition = conditionOf[trial.Videos.Single().Url.Split('/')[^1]];
                (await participant.AnswerAsync(token, trial.TrialId, condition == "ours-simdrop" ? Choice.Success : Choice.Failure)).EnsureSuccessStatusCode();
            }
        }

        // And a pose confidence measured elsewhere: higher for ours, lower for the base model
        var csv = "condition,prompt,task,seed,metric,value,better\n" +
            "ours-simdrop,\"a dancer spins, take 0\",dance,,pose confidence,0.9,higher\n" +
            "ours-simdrop,\"a dancer spins, take 1\",dance,,pose confidence,0.8,higher\n" +
            "base-model,\"a dancer spins, take 0\",dance,,pose confidence,0.3,higher\n" +
            "base-model,\"a dancer spins, take 1\",dance,,pose confidence,0.2,higher\n";
        using var form = new MultipartFormDataContent { { new StringContent(csv), "file", "pose.csv" } };
        (await researcher.PostAsync($"/api/studies/{studyId}/metrics/import", form)).EnsureSuccessStatusCode();

        // When the researcher asks for the metrics table
        var table = (await researcher.GetFromJsonAsync<MetricTableView>($"/api/studies/{studyId}/metrics/table", ApiClient.Json))!;

        // Then each condition's mean has its bootstrap interval beside the people's success rate over the same videos
        table.Conditions.Select(c => (c.Condition, Math.Round(c.Mean.Value!.Value, 9), c.Mean.N, c.People!.Value.Rate, c.Judgments)).Should().Equal(
            ("base-model", 0.25, 2, 0.0, 12L), ("ours-simdrop", 0.85, 2, 1.0, 12L));
        table.Conditions.Should().OnlyContain(c => c.Mean.Low <= c.Mean.Value && c.Mean.Value <= c.Mean.High);
        // And rho over the four videos: metric ranks 4, 3, 2, 1 against shares 1, 1, 0, 0 (tied ranks 3.5, 3.5, 1.5, 1.5) = 4 / √20
        var agreement = table.Agreement.Should().ContainSingle().Subject;
        agreement.Metric.Should().Be("pose confidence");
        agreement.Spearman.Value!.Value.Should().BeApproximately(4 / Math.Sqrt(20), 1e-9);
        agreement.Spearman.N.Should().Be(4);
        agreement.PairOrder.Should().BeNull("a rating study has no judged pairs");
        // And a task the study does not have is refused as the results refuse it, not answered with an empty table
        var unknownTask = await researcher.GetAsync($"/api/studies/{studyId}/metrics/table?task=nope");
        unknownTask.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
        (await unknownTask.Content.ReadAsStringAsync()).Should().Contain("The study has no task 'nope'; its tasks are dance");
    }

    private async Task<Dictionary<string, string>> ConditionsByMediaAsync(Guid studyId)
    {
        await using var session = fixture.Factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var videos = await session.Query<CandidateVideo>().Where(v => v.StudyId == studyId).ToListAsync();
        return videos.ToDictionary(v => v.MediaId!, v => v.Condition);
    }
}
