using System.Net;
using System.Net.Http.Json;
using Platform.Testing;
using Platform.Web.Captions;

namespace Platform.Tests.Captions;

/// <summary>A server-side folder of generated clips with sidecars, imported as one background job.</summary>
public sealed class BulkImportTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private static readonly string[] Movements = ["truck", "dolly", "pedestal", "tilt", "pan", "spin", "following", "zoom"];

    [Fact]
    public async Task Sixteen_clips_import_as_one_job_and_a_second_run_imports_nothing_new()
    {
        var folder = Directory.CreateDirectory(Path.Combine(fixture.Factory.DataDirectory, "imports", "renders-2026-11")).FullName;
        var clip = await TestVideos.ClipAsync(hue: 400);
        await Parallel.ForAsync(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            await TestVideos.CopyWithTagAsync(clip, Path.Combine(folder, $"clip-{i:000}.mp4"), $"render {i}");
            await File.WriteAllTextAsync(Path.Combine(folder, $"clip-{i:000}.json"),
                CaptionApi.Sidecar.Replace("\"spin\"", $"\"{Movements[i % Movements.Length]}\"", StringComparison.Ordinal), CancellationToken.None);
        });
        // One more whose sidecar breaks the schema: listed with its reason, the others go on.
        await TestVideos.CopyWithTagAsync(clip, Path.Combine(folder, "broken.mp4"), "broken");
        await File.WriteAllTextAsync(Path.Combine(folder, "broken.json"), CaptionApi.Sidecar.Replace("\"blender\"", "\"maya\"", StringComparison.Ordinal));
        var researcher = await fixture.ResearcherAsync();

        var first = await ImportAsync(researcher, "renders-2026-11");

        (first.Total, first.Imported, first.AlreadyThere).Should().Be((17, 16, 0));
        first.Failures.Should().ContainSingle().Which.Should().Match<ImportFailure>(f => f.File == "broken.mp4" && f.Reason.Contains("renderParameters.render.engine"));
        (await researcher.GetFromJsonAsync<List<VideoSummary>>("/api/synthetic-videos?movementType=zoom&limit=500", ApiClient.Json)).Should().HaveCount(2);
        (await researcher.GetFromJsonAsync<List<VideoSummary>>("/api/synthetic-videos?focusType=follow&minMovementValue=20&maxMovementValue=40&tag=freeze&limit=500", ApiClient.Json))
            .Should().HaveCount(16, "every clip follows its subject, moves by 30 and is tagged freeze");
        (await researcher.GetFromJsonAsync<List<VideoSummary>>("/api/synthetic-videos?focusType=fixed&limit=500", ApiClient.Json)).Should().BeEmpty();
        (await researcher.GetAsync("/api/synthetic-videos?focusType=sideways")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await researcher.GetFromJsonAsync<List<VideoSummary>>("/api/synthetic-videos?parameter=environment.sceneColor%3D%23808080&limit=500", ApiClient.Json)).Should().HaveCount(16);
        (await researcher.GetFromJsonAsync<List<VideoSummary>>("/api/synthetic-videos?parameter=camera.movementValue%3D30&movementType=pan&limit=500", ApiClient.Json)).Should().HaveCount(2);
        (await researcher.GetFromJsonAsync<List<VideoSummary>>("/api/synthetic-videos?parameter=render.quality%3Dlow&limit=500", ApiClient.Json)).Should().BeEmpty();

        var second = await ImportAsync(researcher, "renders-2026-11");

        (second.Imported, second.AlreadyThere).Should().Be((0, 16));
    }

    [Fact]
    public async Task A_folder_outside_the_import_root_is_refused()
    {
        var researcher = await fixture.ResearcherAsync();

        var response = await researcher.PostAsJsonAsync("/api/synthetic-videos/imports", new FolderImportRequest("../../etc"), ApiClient.Json);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData("linked/sub")]
    [InlineData("linked")]
    [InlineData("/etc")]
    [InlineData("real/../linked/sub")]
    public async Task A_link_out_of_the_import_root_or_an_absolute_path_is_refused_without_naming_server_paths(string folder)
    {
        var researcher = await fixture.ResearcherAsync();
        var imports = Directory.CreateDirectory(Path.Combine(fixture.Factory.DataDirectory, "imports")).FullName;
        var outside = Directory.CreateDirectory(Path.Combine(fixture.Factory.DataDirectory, "elsewhere", "sub")).FullName;
        Directory.CreateDirectory(Path.Combine(imports, "real"));
        await File.WriteAllTextAsync(Path.Combine(outside, "secret.json"), CaptionApi.Sidecar);
        File.Copy(await TestVideos.ClipAsync(hue: 410), Path.Combine(outside, "secret.mp4"), overwrite: true);
        if (!Directory.Exists(Path.Combine(imports, "linked")))
            Directory.CreateSymbolicLink(Path.Combine(imports, "linked"), Path.GetDirectoryName(outside)!);

        var response = await researcher.PostAsJsonAsync("/api/synthetic-videos/imports", new FolderImportRequest(folder), ApiClient.Json);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).Should().NotContain(fixture.Factory.DataDirectory);
        (await researcher.GetFromJsonAsync<List<VideoSummary>>("/api/synthetic-videos?limit=500", ApiClient.Json))
            .Should().NotContain(v => v.FileName == "secret.mp4");
    }

    private static async Task<FolderImport> ImportAsync(HttpClient researcher, string folder)
    {
        var response = await researcher.PostAsJsonAsync("/api/synthetic-videos/imports", new FolderImportRequest(folder), ApiClient.Json);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var started = (await response.Content.ReadFromJsonAsync<FolderImport>(ApiClient.Json))!;
        return await Eventually.ReturnsAsync(
            async () => (await researcher.GetFromJsonAsync<FolderImport>($"/api/synthetic-videos/imports/{started.Id}", ApiClient.Json))!,
            import => import.Finished, "the import finishes", TimeSpan.FromMinutes(4), import => $"{import.Done} of {import.Total} done");
    }
}
