using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Studies;
using Platform.Testing;
using Platform.Web.Studies;

namespace Platform.Tests.Studies.UploadingInBulk;

/// <summary>Bulk uploads through the API: by manifest or by pattern, all or nothing, and a second run skips what is stored.</summary>
[Collection(StudiesHost.Name)]
public sealed class BulkUploadTests(PlatformFixture fixture)
{
    [Fact]
    public async Task A_good_manifest_stores_every_video_with_the_study_spelling_of_condition_and_task()
    {
        var (researcher, studyId) = await StudyAsync();
        var files = await ClipsAsync("good", 4);

        var response = await researcher.PostAsync($"/api/studies/{studyId}/videos/bulk", Form(files, manifest: """
            file,condition,prompt,task,seed
            good-0.mp4,BASE-MODEL,"A dancer spins, slowly",Dance,1
            good-1.mp4,Ours-SimDrop,"A dancer spins, slowly",dance,1
            good-2.mp4,base-model,A gymnast vaults,GYM,2
            good-3.mp4,ours-simdrop,A gymnast vaults,gym,2
            """));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<BulkUploaded>(ApiClient.Json))!.Should().Match<BulkUploaded>(b => b.Stored == 4 && b.AlreadyThere == 0);
        (await VideosAsync(researcher, studyId)).Select(v => (v.Condition, v.Prompt, v.Task, v.Seed)).Should().BeEquivalentTo([
            ("base-model", "A dancer spins, slowly", "dance", 1), ("ours-simdrop", "A dancer spins, slowly", "dance", 1),
            ("base-model", "A gymnast vaults", "gym", 2), ("ours-simdrop", "A gymnast vaults", "gym", 2)]);
    }

    [Fact]
    public async Task A_bad_line_is_a_422_naming_that_line_and_nothing_is_stored()
    {
        var (researcher, studyId) = await StudyAsync();
        var files = await ClipsAsync("bad", 3);

        var response = await researcher.PostAsync($"/api/studies/{studyId}/videos/bulk", Form(files, manifest: """
            file,condition,prompt,task,seed
            bad-0.mp4,base-model,A dancer spins,dance,1
            bad-1.mp4,kling-1.6,A dancer spins,dance,1
            bad-2.mp4,ours-simdrop,A dancer spins,dance,1
            """));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("badLines").GetString().Should().Be("3");
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).Should().Equal(
            "manifest line 3 (bad-1.mp4): condition 'kling-1.6' is not one of the study's (base-model, ours-simdrop)");
        (await VideosAsync(researcher, studyId)).Should().BeEmpty();
        Directory.EnumerateFiles(Path.Combine(fixture.Factory.DataDirectory, "uploads"), "*.part").Should().BeEmpty("no staged file is left behind");
    }

    [Fact]
    public async Task A_file_that_is_not_a_video_refuses_the_whole_upload()
    {
        var (researcher, studyId) = await StudyAsync();
        var files = await ClipsAsync("probe", 1);
        var fake = Path.Combine(fixture.Factory.DataDirectory, "fake.mp4");
        await File.WriteAllTextAsync(fake, "not a video at all");

        var response = await researcher.PostAsync($"/api/studies/{studyId}/videos/bulk", Form([.. files, fake], manifest: """
            file,condition,prompt,task
            probe-0.mp4,base-model,A dancer spins,dance
            fake.mp4,ours-simdrop,A dancer spins,dance
            """));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).Should().Equal(
            "manifest line 3 (fake.mp4): the file is not a video that can be read: no video stream was found in it");
        problem.GetProperty("badLines").GetString().Should().Be("3");
        problem.GetProperty("detail").GetString().Should().NotContain("..").And.NotContain("ffprobe");
        (await VideosAsync(researcher, studyId)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_later_upload_for_a_cell_a_video_holds_is_refused_naming_that_video_unless_it_was_rejected()
    {
        // Given a study holding one video for base-model, "A dancer spins", seed 1 (stored by a bulk upload)
        var (researcher, studyId) = await StudyAsync();
        var files = await ClipsAsync("cell", 3);
        var first = await researcher.PostAsync($"/api/studies/{studyId}/videos/bulk", Form(files[..1], manifest: "file,condition,prompt,task,seed\ncell-0.mp4,base-model,A dancer spins,dance,1\n"));
        first.StatusCode.Should().Be(HttpStatusCode.Accepted, await first.Content.ReadAsStringAsync());
        var held = (await first.Content.ReadFromJsonAsync<BulkUploaded>(ApiClient.Json))!.Files.Single().VideoId!.Value;

        // When another bulk upload brings other content for that cell, and for a free one
        var bulk = await researcher.PostAsync($"/api/studies/{studyId}/videos/bulk", Form(files[1..], manifest: """
            file,condition,prompt,task,seed
            cell-1.mp4,ours-simdrop,A dancer spins,dance,1
            cell-2.mp4,BASE-MODEL,A dancer spins,dance,1
            """));
        // and a single upload does the same
        using var single = new MultipartFormDataContent
        {
            { new ByteArrayContent(File.ReadAllBytes(files[2])), "file", "take-2.mp4" },
            { new StringContent("base-model"), "condition" }, { new StringContent("A dancer spins"), "prompt" },
            { new StringContent("dance"), "task" }, { new StringContent("1"), "seed" },
        };
        var one = await researcher.PostAsync($"/api/studies/{studyId}/videos", single);

        // Then the bulk upload is a 422 naming the line and the video, the single one a 409 naming it, and only the first is stored
        bulk.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = JsonDocument.Parse(await bulk.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("badLines").GetString().Should().Be("3");
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).Should().Equal(
            $"manifest line 3 (cell-2.mp4): video {held} (cell-0.mp4) is stored for condition 'base-model', prompt 'A dancer spins' and seed 1 already; trials would show only one of the two (give this file another seed or leave it out)");
        one.StatusCode.Should().Be(HttpStatusCode.Conflict);
        one.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var conflict = JsonDocument.Parse(await one.Content.ReadAsStringAsync()).RootElement;
        conflict.GetProperty("existingVideoId").GetGuid().Should().Be(held);
        conflict.GetProperty("detail").GetString().Should().StartWith($"Nothing was stored: video {held} (cell-0.mp4) already holds condition 'base-model', prompt 'A dancer spins' and seed 1");
        (await VideosAsync(researcher, studyId)).Select(v => v.Id).Should().Equal(held);
    }

    [Fact]
    public async Task A_rejected_video_leaves_its_cell_free()
    {
        var (researcher, studyId) = await StudyAsync();
        var files = await ClipsAsync("freed", 1);
        var rejectedId = Guid.NewGuid();
        await using (var session = fixture.Factory.Services.GetRequiredService<Marten.IDocumentStore>().LightweightSession())
        {
            session.Events.StartStream<CandidateVideo>(rejectedId,
                new VideoUploaded(rejectedId, studyId, "base-model", "A dancer spins", "dance", 1, "broken.mp4", 10, Guid.NewGuid(), DateTimeOffset.UtcNow),
                new VideoRejected(rejectedId, studyId, "no video stream", DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }

        var response = await researcher.PostAsync($"/api/studies/{studyId}/videos/bulk", Form(files, manifest: "file,condition,prompt,task,seed\nfreed-0.mp4,base-model,A dancer spins,dance,1\n"));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        (await VideosAsync(researcher, studyId)).Should().HaveCount(2);
    }

    [Fact]
    public async Task Starting_an_interrupted_upload_again_skips_what_is_stored()
    {
        var (researcher, studyId) = await StudyAsync();
        var files = await ClipsAsync("resume", 3);
        const string Manifest = """
            file,condition,prompt,task,seed
            resume-0.mp4,base-model,A dancer spins,dance,1
            resume-1.mp4,ours-simdrop,A dancer spins,dance,1
            resume-2.mp4,base-model,A dancer spins,dance,2
            """;
        // The first run got through two files before it stopped.
        var first = await researcher.PostAsync($"/api/studies/{studyId}/videos/bulk", Form(files[..2], manifest: string.Join('\n', Manifest.Split('\n')[..3])));
        first.StatusCode.Should().Be(HttpStatusCode.Accepted, await first.Content.ReadAsStringAsync());

        var again = await researcher.PostAsync($"/api/studies/{studyId}/videos/bulk", Form(files, manifest: Manifest));

        again.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var result = (await again.Content.ReadFromJsonAsync<BulkUploaded>(ApiClient.Json))!;
        (result.Stored, result.AlreadyThere).Should().Be((1, 2));
        result.Files.Single(f => f.Outcome == BulkOutcome.Stored).File.Should().Be("resume-2.mp4");
        (await VideosAsync(researcher, studyId)).Should().HaveCount(3);
    }

    [Fact]
    public async Task A_pattern_maps_folders_and_names_with_the_prompts_list()
    {
        var (researcher, studyId) = await StudyAsync();
        var clips = await ClipsAsync("pattern", 3);
        var files = new[] { ("BASE-MODEL/walk_01_3.mp4", clips[0]), ("ours-simdrop/walk_01_3.mp4", clips[1]), ("ours-simdrop/spin_4.mp4", clips[2]) };
        const string Prompts = "prompt_id,prompt,task\nwalk_01,\"A man walks, then stops\",gym\nspin,A dancer spins,dance\n";

        var preview = await researcher.PostAsJsonAsync($"/api/studies/{studyId}/videos/bulk/preview",
            new BulkPreviewRequest([.. files.Select(f => f.Item1), "notes.txt"], null, "{condition}/{prompt_id}_{seed}.mp4", Prompts), ApiClient.Json);
        var response = await researcher.PostAsync($"/api/studies/{studyId}/videos/bulk", Form(files, pattern: "{condition}/{prompt_id}_{seed}.mp4", prompts: Prompts));

        var seen = (await preview.Content.ReadFromJsonAsync<BulkPreview>(ApiClient.Json))!;
        (seen.Ready, seen.Rows.Count, seen.Ignored.Single()).Should().Be((true, 3, "notes.txt"));
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        (await VideosAsync(researcher, studyId)).Select(v => (v.Condition, v.Prompt, v.Task, v.Seed)).Should().BeEquivalentTo([
            ("base-model", "A man walks, then stops", "gym", 3), ("ours-simdrop", "A man walks, then stops", "gym", 3), ("ours-simdrop", "A dancer spins", "dance", 4)]);
    }

    [Fact]
    public async Task A_preview_names_every_problem_and_stores_nothing()
    {
        var (researcher, studyId) = await StudyAsync();

        var preview = await researcher.PostAsJsonAsync($"/api/studies/{studyId}/videos/bulk/preview", new BulkPreviewRequest(["a.mp4", "b.mp4"], """
            file,condition,prompt,task,seed
            a.mp4,base-model,A dancer spins,dance,one
            c.mp4,ours-simdrop,A dancer spins,dance,1
            """, null, null), ApiClient.Json);

        preview.StatusCode.Should().Be(HttpStatusCode.OK);
        var seen = (await preview.Content.ReadFromJsonAsync<BulkPreview>(ApiClient.Json))!;
        seen.Ready.Should().BeFalse();
        seen.BadLines.Should().Be("2-3");
        seen.Problems.Select(p => p.ToString()).Should().BeEquivalentTo(
            "manifest line 2 (a.mp4): seed 'one' is not a whole number from 0 to 2147483647",
            "manifest line 3 (c.mp4): no file c.mp4 was chosen",
            "file b.mp4: no manifest line names this file");
        (await VideosAsync(researcher, studyId)).Should().BeEmpty();
    }

    private async Task<(HttpClient Researcher, Guid StudyId)> StudyAsync()
    {
        var researcher = await fixture.ResearcherAsync();
        return (researcher, await researcher.CreateStudyAsync(new StudyBuilder().Build()));
    }

    /// <summary>Small real clips with content of their own (one encode, then copies that differ in a tag).</summary>
    private async Task<string[]> ClipsAsync(string name, int count)
    {
        var clip = await TestVideos.ClipAsync(hue: 500);
        var folder = Directory.CreateDirectory(Path.Combine(fixture.Factory.DataDirectory, "clips-" + name)).FullName;
        var paths = Enumerable.Range(0, count).Select(i => Path.Combine(folder, $"{name}-{i}.mp4")).ToArray();
        foreach (var path in paths) await TestVideos.CopyWithTagAsync(clip, path, $"{name} {Guid.NewGuid()}");
        return paths;
    }

    private static MultipartFormDataContent Form(string[] files, string? manifest = null) =>
        Form([.. files.Select(f => (Path.GetFileName(f), f))], manifest);

    internal static MultipartFormDataContent Form((string Name, string Path)[] files, string? manifest = null, string? pattern = null, string? prompts = null)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, path) in files)
        {
            var file = new ByteArrayContent(File.ReadAllBytes(path));
            file.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
            form.Add(file, "files", name);
        }
        if (manifest is not null) form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(manifest)), "manifest", "manifest.csv");
        if (pattern is not null) form.Add(new StringContent(pattern), "pattern");
        if (prompts is not null) form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(prompts)), "prompts", "prompts.csv");
        return form;
    }

    internal static async Task<List<VideoSummary>> VideosAsync(HttpClient researcher, Guid studyId) =>
        (await researcher.GetFromJsonAsync<List<VideoSummary>>($"/api/studies/{studyId}/videos", ApiClient.Json))!;
}
