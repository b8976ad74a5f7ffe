using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Platform.Studies;
using Platform.Testing;
using Platform.Web.Studies;

namespace Platform.Tests.Studies;

/// <summary>Uploads through the API on a host with small limits: 78.1 KiB and 2 s.</summary>
#pragma warning disable CA1001 // xunit disposes it through IAsyncLifetime
public sealed class AddingVideosTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private PlatformFactory _factory = default!;
    private HttpClient _researcher = default!;

    public async Task InitializeAsync()
    {
        _factory = new PlatformFactory(await TestDatabase.CreateAsync("videos"), new Dictionary<string, string?>
        {
            ["Videos:MaxUploadBytes"] = "80000",
            ["Videos:MaxDurationSeconds"] = "2",
        });
        _researcher = await _factory.NewResearcherAsync("videos.researcher@platform.test");
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task An_upload_is_202_with_the_video_id_and_its_processing_status()
    {
        var studyId = await _researcher.CreateStudyAsync(new StudyBuilder().Build());

        var response = await _researcher.UploadAsync(studyId, await TestVideos.ClipAsync(hue: 10), "ours-simdrop", "a dancer spins");

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("status").GetString().Should().Be("processing");
        var id = body.GetProperty("id").GetGuid();
        (await _researcher.WaitForVideosAsync(studyId)).Should().ContainSingle().Which.Should().BeEquivalentTo(new { Id = id, Status = VideoState.Ready });
    }

    [Fact]
    public async Task A_video_longer_than_the_limit_is_422_with_the_limit_and_leaves_nothing_stored()
    {
        var studyId = await _researcher.CreateStudyAsync(new StudyBuilder().Build());
        var before = _factory.MediaFiles();

        var response = await _researcher.UploadAsync(studyId, await TestVideos.ClipAsync(hue: 20, seconds: 3), "ours-simdrop", "a dancer spins");

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).Should().Contain("The video lasts 3 s; at most 2 s are accepted.");
        await ShouldHaveStoredNothingAsync(studyId, before);
    }

    [Fact]
    public async Task A_file_larger_than_the_limit_is_422_with_the_limit_and_leaves_nothing_stored()
    {
        var studyId = await _researcher.CreateStudyAsync(new StudyBuilder().Build());
        var before = _factory.MediaFiles();
        var large = await TestVideos.ClipAsync(hue: 30, width: 640, height: 480);
        new FileInfo(large).Length.Should().BeGreaterThan(80000, "the test needs a file over the limit");

        var response = await _researcher.UploadAsync(studyId, large, "ours-simdrop", "a dancer spins");

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).Should().MatchRegex(@"The file has [0-9.]+ KiB; at most 78\.1 KiB are accepted\.");
        await ShouldHaveStoredNothingAsync(studyId, before);
    }

    [Fact]
    public async Task A_processed_video_has_a_frozen_copy_and_a_heavily_corrupted_copy_for_gold_trials()
    {
        var studyId = await _researcher.CreateStudyAsync(new StudyBuilder().Build());
        (await _researcher.UploadAsync(studyId, await TestVideos.ClipAsync(hue: 40), "ours-simdrop", "a dancer spins")).EnsureSuccessStatusCode();
        (await _researcher.WaitForVideosAsync(studyId)).Single().Status.Should().Be(VideoState.Ready);
        var video = await VideoAsync(studyId);

        var original = await DownloadAsync(video.MediaId);
        var frozen = await DownloadAsync(video.DegradedMediaId);
        var corrupted = await DownloadAsync(video.CorruptedMediaId);

        (await VideoMeasures.FrameHashesAsync(frozen)).Should().HaveCountGreaterThanOrEqualTo(10, "the copy lasts as long as the 10 frames of the original");
        (await VideoMeasures.IsFrozenThroughoutAsync(frozen)).Should().BeTrue("the frozen copy holds one picture from start to end");
        (await VideoMeasures.IsFrozenThroughoutAsync(original)).Should().BeFalse("the original moves");
        (await VideoMeasures.SsimAsync(corrupted, original)).Should().BeLessThan(0.2, "the corrupted copy keeps almost none of the picture's structure");
        (await VideoMeasures.PsnrAsync(corrupted, original)).Should().BeLessThan(12, "the corrupted copy differs strongly from the original");
        (await VideoMeasures.SsimAsync(original, original)).Should().BeGreaterThan(0.99, "the measure itself works");
    }

    [Fact]
    public async Task Nothing_in_the_served_files_names_the_upload_or_tells_a_gold_copy_from_the_real_video()
    {
        var studyId = await _researcher.CreateStudyAsync(new StudyBuilder().Build());
        var upload = Path.Combine(_factory.DataDirectory, "ours_ckpt_1200.mp4");
        await TestVideos.CopyWithTagsAsync(await TestVideos.ClipAsync(hue: 70, seconds: 1.5, width: 160, height: 120, fps: 25), upload,
            "cond-b secret model v2", "file=ours_ckpt_1200.mp4");
        (await _researcher.UploadAsync(studyId, upload, "ours-simdrop", "a dancer spins")).EnsureSuccessStatusCode();
        (await _researcher.WaitForVideosAsync(studyId)).Single().Status.Should().Be(VideoState.Ready);
        var video = await VideoAsync(studyId);

        var original = await DownloadAsync(video.MediaId);
        var copies = new[] { original, await DownloadAsync(video.PosterMediaId), await DownloadAsync(video.DegradedMediaId), await DownloadAsync(video.CorruptedMediaId) };
        foreach (var file in copies)
        {
            var text = System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file));
            text.Should().NotContainAny(["secret", "ckpt", "cond-b", "simdrop"], "no tag of the upload reaches a participant");
            text.Should().NotContain("options:", "x264's options string (in its SEI) would differ between a video and its gold copies");
            (await VideoMeasures.RunAsync("ffprobe", "-v", "error", "-show_entries", "format_tags=title,comment,creation_time", "-of", "compact", file)).Output
                .Should().NotContainAny(["title", "comment", "creation_time"]);
        }
        foreach (var gold in copies[2..])
        {
            ((double)new FileInfo(gold).Length / new FileInfo(original).Length).Should().BeInRange(0.67, 1.5, "a gold copy's size does not give it away");
            (await StreamAsync(gold)).Should().Be(await StreamAsync(original), "a gold copy is encoded like the real video");
        }
    }

    private static async Task<string> StreamAsync(string file) =>
        (await VideoMeasures.RunAsync("ffprobe", "-v", "error", "-select_streams", "v", "-show_entries", "stream=codec_name,profile,level,pix_fmt,width,height,has_b_frames,refs,r_frame_rate,color_range,color_space,color_primaries,color_transfer,chroma_location,extradata_size",
            "-of", "compact", file)).Output;

    private async Task ShouldHaveStoredNothingAsync(Guid studyId, IReadOnlyList<string> mediaBefore)
    {
        (await _researcher.GetFromJsonAsync<List<VideoSummary>>($"/api/studies/{studyId}/videos", ApiClient.Json)).Should().BeEmpty();
        (await _factory.UploadsAsync()).Should().BeEmpty();
        _factory.MediaFiles().Should().Equal(mediaBefore);
    }

    private async Task<CandidateVideo> VideoAsync(Guid studyId)
    {
        await using var session = _factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Query<CandidateVideo>().SingleAsync(v => v.StudyId == studyId);
    }

    private async Task<string> DownloadAsync(string? mediaId)
    {
        mediaId.Should().NotBeNullOrEmpty("processing records every copy it makes");
        var path = Path.Combine(_factory.DataDirectory, $"{mediaId}.download.mp4");
        await File.WriteAllBytesAsync(path, await _factory.CreateClient().GetByteArrayAsync($"/media/{mediaId}"));
        return path;
    }
}
