using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;
using Platform.Web.Studies;

namespace Platform.Tests.Studies.UploadingInBulk;

/// <summary>A server folder of candidate videos imported into a study as one background job.</summary>
[Collection(StudiesHost.Name)]
public sealed class FolderImportTests(PlatformFixture fixture)
{
    [Fact]
    public async Task A_folder_imports_by_pattern_as_one_job_and_a_second_run_stores_nothing_new()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.CreateStudyAsync(new StudyBuilder().Build());
        var folder = Path.Combine(fixture.Factory.DataDirectory, "imports", "batch-12");
        var clip = await TestVideos.ClipAsync(hue: 520);
        foreach (var condition in new[] { "base-model", "Ours-SimDrop" })
        {
            Directory.CreateDirectory(Path.Combine(folder, condition));
            for (var seed = 1; seed <= 3; seed++)
                await TestVideos.CopyWithTagAsync(clip, Path.Combine(folder, condition, $"spin_{seed}.mp4"), $"{condition} {seed}");
        }
        await File.WriteAllTextAsync(Path.Combine(folder, "prompts.csv"), "prompt_id,prompt,task\nspin,A dancer spins,dance\n");
        var request = new VideoFolderImportRequest("batch-12", Pattern: "{condition}/{prompt_id}_{seed}.mp4", Prompts: "prompts.csv");

        var first = await ImportAsync(researcher, studyId, request);

        (first.Total, first.Stored, first.AlreadyThere, first.Failures.Count, first.Problems.Count).Should().Be((6, 6, 0, 0, 0));
        var videos = await BulkUploadTests.VideosAsync(researcher, studyId);
        videos.Select(v => (v.Condition, v.Seed)).Should().BeEquivalentTo([
            ("base-model", 1), ("base-model", 2), ("base-model", 3), ("ours-simdrop", 1), ("ours-simdrop", 2), ("ours-simdrop", 3)]);

        var second = await ImportAsync(researcher, studyId, request);

        (second.Stored, second.AlreadyThere).Should().Be((0, 6));
        (await BulkUploadTests.VideosAsync(researcher, studyId)).Should().HaveCount(6);
    }

    [Fact]
    public async Task A_folder_whose_manifest_has_a_bad_line_is_refused_naming_it_and_no_job_runs()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.CreateStudyAsync(new StudyBuilder().Build());
        var folder = Directory.CreateDirectory(Path.Combine(fixture.Factory.DataDirectory, "imports", "with-manifest")).FullName;
        await TestVideos.CopyWithTagAsync(await TestVideos.ClipAsync(hue: 520), Path.Combine(folder, "a.mp4"), "a");
        await File.WriteAllTextAsync(Path.Combine(folder, "manifest.csv"), "file,condition,prompt,task\na.mp4,base-model,A dancer spins,dance\nb.mp4,base-model,A dancer spins,dance\n");

        var response = await researcher.PostAsJsonAsync($"/api/studies/{studyId}/videos/imports", new VideoFolderImportRequest("with-manifest", "manifest.csv"), ApiClient.Json);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).Should().Contain("manifest line 3 (b.mp4): no file b.mp4 was chosen");
        (await researcher.GetFromJsonAsync<List<VideoFolderImport>>($"/api/studies/{studyId}/videos/imports", ApiClient.Json)).Should().BeEmpty();
        (await BulkUploadTests.VideosAsync(researcher, studyId)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("../..", null)]
    [InlineData("with-manifest", "../../secret.csv")]
    public async Task Paths_out_of_the_import_root_are_refused_without_naming_server_paths(string folder, string? manifest)
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.CreateStudyAsync(new StudyBuilder().Build());
        Directory.CreateDirectory(Path.Combine(fixture.Factory.DataDirectory, "imports", "with-manifest"));

        var response = await researcher.PostAsJsonAsync($"/api/studies/{studyId}/videos/imports", new VideoFolderImportRequest(folder, manifest ?? "manifest.csv"), ApiClient.Json);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).Should().NotContain(fixture.Factory.DataDirectory);
    }

    [Fact]
    public async Task A_manifest_sent_as_content_instead_of_a_file_name_is_refused_echoing_at_most_80_characters()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.CreateStudyAsync(new StudyBuilder().Build());
        Directory.CreateDirectory(Path.Combine(fixture.Factory.DataDirectory, "imports", "content-sent"));
        var csv = "file,condition,prompt,task\n" + string.Concat(Enumerable.Range(0, 50).Select(i => $"clip-{i}.mp4,base-model,A dancer spins number {i},dance\n"));

        var asContent = await researcher.PostAsJsonAsync($"/api/studies/{studyId}/videos/imports", new VideoFolderImportRequest("content-sent", csv), ApiClient.Json);
        var asOneLine = await researcher.PostAsJsonAsync($"/api/studies/{studyId}/videos/imports",
            new VideoFolderImportRequest("content-sent", Pattern: "{condition}/{prompt_id}_{seed}.mp4", Prompts: csv.Replace('\n', ' ')), ApiClient.Json);

        asContent.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var detail = JsonDocument.Parse(await asContent.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        detail.Should().Be($"The manifest is the name of a CSV file in the folder (such as manifest.csv), not its content; '{csv.ReplaceLineEndings(" ")[..80]}…' was given.");
        asOneLine.StatusCode.Should().Be(HttpStatusCode.NotFound);
        JsonDocument.Parse(await asOneLine.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString().Should()
            .Be($"There is no prompts list '{csv.Replace('\n', ' ')[..80]}…' in the folder; give the name of a CSV file in it (such as prompts.csv).");
    }

    [Fact]
    public async Task A_video_that_is_a_link_is_not_imported_but_listed_with_the_reason()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.CreateStudyAsync(new StudyBuilder().Build());
        var folder = Directory.CreateDirectory(Path.Combine(fixture.Factory.DataDirectory, "imports", "with-link", "base-model")).Parent!.FullName;
        var clip = await TestVideos.ClipAsync(hue: 530);
        await TestVideos.CopyWithTagAsync(clip, Path.Combine(folder, "base-model", "spin_1.mp4"), "real");
        File.CreateSymbolicLink(Path.Combine(folder, "base-model", "spin_2.mp4"), clip);
        await File.WriteAllTextAsync(Path.Combine(folder, "prompts.csv"), "prompt_id,prompt,task\nspin,A dancer spins,dance\n");

        var import = await ImportAsync(researcher, studyId, new VideoFolderImportRequest("with-link", Pattern: "{condition}/{prompt_id}_{seed}.mp4", Prompts: "prompts.csv"));

        (import.Total, import.Stored).Should().Be((1, 1));
        import.Failures.Should().Equal(new BulkFailure("base-model/spin_2.mp4",
            "the file is a link; only real files in the folder are imported (a link could lead anywhere on the server)"));
    }

    private static async Task<VideoFolderImport> ImportAsync(HttpClient researcher, Guid studyId, VideoFolderImportRequest request)
    {
        var response = await researcher.PostAsJsonAsync($"/api/studies/{studyId}/videos/imports", request, ApiClient.Json);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var started = (await response.Content.ReadFromJsonAsync<VideoFolderImport>(ApiClient.Json))!;
        return await Eventually.ReturnsAsync(
            async () => (await researcher.GetFromJsonAsync<List<VideoFolderImport>>($"/api/studies/{studyId}/videos/imports", ApiClient.Json))!.Single(i => i.Id == started.Id),
            import => import.Finished, "the import finishes", TimeSpan.FromMinutes(2), import => $"{import.Done} of {import.Total} done");
    }
}
