using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Results;
using Platform.Testing;
using Platform.Web.Results;

namespace Platform.Tests.Results;

/// <summary>Per-video metrics computed elsewhere (pose-estimation confidence), imported by CSV through the API.</summary>
[Collection(ResultsHost.Name)]
public sealed class ImportingMetricsApiTests(PlatformFixture fixture)
{
    private const string Header = "condition,prompt,task,seed,metric,value,better";

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient researcher, Guid studyId, string csv)
    {
        using var form = new MultipartFormDataContent { { new StringContent(csv), "file", "pose.csv" } };
        return await researcher.PostAsync($"/api/studies/{studyId}/metrics/import", form);
    }

    [Fact]
    public async Task Metrics_imported_by_cell_are_kept_per_video_and_a_file_with_one_bad_line_changes_nothing()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.OpenStudyWithVideosAsync(new StudyBuilder().Build(), prompts: 2);
        const string good = Header + "\n" +
            "base-model,\"a dancer spins, take 0\",dance,,pose confidence,0.71,higher\n" +
            "Ours-SimDrop,\"a dancer spins, take 0\",dance,,pose confidence,0.93,higher\n" +
            "ours-simdrop,\"a dancer spins, take 1\",dance,,pose confidence,0.88,higher\n";

        var imported = await ImportAsync(researcher, studyId, good);

        imported.StatusCode.Should().Be(HttpStatusCode.Created);
        var metrics = await researcher.GetFromJsonAsync<StudyMetrics>($"/api/studies/{studyId}/metrics", ApiClient.Json);
        metrics!.Metrics.Should().Equal(new MetricDeclared("pose confidence", true));
        var videos = await researcher.WaitForVideosAsync(studyId);
        var ours = videos.Single(v => v.Condition == "ours-simdrop" && v.Prompt == "a dancer spins, take 0");
        metrics.Values.Should().HaveCount(3).And.ContainSingle(v => v.VideoId == ours.Id && v.Value == 0.93);

        // A later file: one good line (a new value for a video) and one naming a condition the study lacks.
        var refused = await ImportAsync(researcher, studyId, Header + "\n" +
            "base-model,\"a dancer spins, take 0\",dance,,pose confidence,0.5,higher\n" +
            "kling,\"a dancer spins, take 0\",dance,,pose confidence,0.6,higher\n");

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().Should().StartWith("Nothing was imported: 1 line is not valid. line 3: no ready video of condition 'kling'");
        problem.GetProperty(ImportingJudgments.BadLines).GetString().Should().Be("3");
        (await researcher.GetFromJsonAsync<StudyMetrics>($"/api/studies/{studyId}/metrics", ApiClient.Json))!.Values
            .Should().ContainSingle(v => v.Metric == "pose confidence" && v.Value == 0.71, "the refused file changed nothing");
    }

    [Fact]
    public async Task A_header_without_the_metric_columns_is_refused_naming_them()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.CreateStudyAsync(new StudyBuilder().Build());

        var refused = await ImportAsync(researcher, studyId, "condition,prompt,score\nbase-model,a dancer spins,1\n");

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()
            .Should().Be($"Nothing was imported: line 1 (the header) lacks the columns metric, value, better; expected '{ImportingMetrics.Header}'.");
    }
}
