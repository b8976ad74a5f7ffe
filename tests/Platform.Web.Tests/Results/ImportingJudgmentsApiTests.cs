using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Results;
using Platform.Testing;

namespace Platform.Tests.Results;

/// <summary>A file imported twice, and tasks named in another letter case, through the API.</summary>
[Collection(ResultsHost.Name)]
public sealed class ImportingJudgmentsApiTests(PlatformFixture fixture)
{
    private static MultipartFormDataContent File(string name, string csv) => new() { { new StringContent(csv), "file", name } };

    [Fact]
    public async Task The_same_judgments_imported_again_are_refused_with_409_naming_the_earlier_import_and_nothing_is_added_twice()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.CreateStudyAsync(new StudyBuilder().Build());
        using var first = File("prolific-batch-1.csv", JudgmentCsv.Table9());
        (await researcher.PostAsync($"/api/studies/{studyId}/judgments/import", first)).StatusCode.Should().Be(HttpStatusCode.Created);

        // The same file again, once as it was and once re-saved with other line endings and the task in capitals.
        using var again = File("prolific-batch-1.csv", JudgmentCsv.Table9());
        var repeated = await researcher.PostAsync($"/api/studies/{studyId}/judgments/import", again);
        var resaved = await researcher.ImportJudgmentsAsync(studyId, JudgmentCsv.Table9("DANCE").ReplaceLineEndings("\r\n"));

        foreach (var response in new[] { repeated, resaved })
        {
            response.StatusCode.Should().Be(HttpStatusCode.Conflict);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            problem.GetProperty("detail").GetString().Should().MatchRegex(
                "^Nothing was imported: these judgments were already imported from prolific-batch-1.csv on \\d{4}-\\d\\d-\\d\\d at \\d\\d:\\d\\d UTC; importing them again would count each twice.$");
            var earlier = problem.GetProperty(ImportingJudgments.EarlierImportMember);
            earlier.GetProperty("fileName").GetString().Should().Be("prolific-batch-1.csv");
            earlier.GetProperty("at").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
        }
        var results = await researcher.GetFromJsonAsync<JsonElement>($"/api/studies/{studyId}/results");
        results.GetProperty("judgments").GetInt32().Should().Be(38);
        var exported = await researcher.GetStringAsync($"/api/studies/{studyId}/judgments.csv");
        exported.Split('\n').Count(l => l.Contains(",True,False,", StringComparison.Ordinal)).Should().Be(38, "no imported row is there twice");

        // Other judgments (one more row) are a file of their own.
        var more = await researcher.ImportJudgmentsAsync(studyId, JudgmentCsv.Table9() + "worker-9,a dancer spins,dance,ours-simdrop,base-model,left\n");
        more.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_task_in_another_case_is_imported_as_the_study_spells_it_and_results_find_it_in_any_case()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.CreateStudyAsync(new StudyBuilder().Build());
        // Conditions in another case were taken already; tasks now are too, both stored as the study spells them.
        const string csv = JudgmentCsv.Header + "\nw1,a dancer spins,Dance,OURS-SIMDROP,base-model,left\n";
        (await researcher.ImportJudgmentsAsync(studyId, csv)).StatusCode.Should().Be(HttpStatusCode.Created);

        var judgments = await researcher.GetStringAsync($"/api/studies/{studyId}/judgments.csv");
        judgments.Should().Contain(",dance,ours-simdrop,base-model,").And.NotContain("Dance");
        var results = await researcher.GetFromJsonAsync<JsonElement>($"/api/studies/{studyId}/results?task=DANCE");
        results.GetProperty("task").GetString().Should().Be("dance");
        results.GetProperty("judgments").GetInt32().Should().Be(1);
        (await researcher.GetStringAsync($"/api/studies/{studyId}/results.csv?task=Dance")).Should().Contain(",pairwise,ours-simdrop,base-model,dance,a_preferred,1,1,");
    }

    [Theory]
    [InlineData("results")]
    [InlineData("results.csv")]
    [InlineData("results.tex")]
    public async Task A_task_the_study_does_not_have_is_refused_with_400_naming_the_study_s_tasks(string export)
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.CreateStudyAsync(new StudyBuilder().Build());

        var response = await researcher.GetAsync($"/api/studies/{studyId}/{export}?task=nope");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().Should().Be("The study has no task 'nope'; its tasks are dance, gym (any letter case), or leave task out for all of them.");
        problem.GetProperty("tasks").EnumerateArray().Select(t => t.GetString()).Should().Equal("dance", "gym");
    }
}
