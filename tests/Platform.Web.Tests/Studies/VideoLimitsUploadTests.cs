using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Marten;
using Platform.Studies;
using Platform.Testing;
using Platform.Web.Studies;

namespace Platform.Tests.Studies;

/// <summary>Issue 13's video bombs uploaded through the API to a host with the default limits.</summary>
#pragma warning disable CA1001 // xunit disposes it through IAsyncLifetime
public sealed class VideoLimitsUploadTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private PlatformFactory _factory = default!;
    private HttpClient _researcher = default!;

    public async Task InitializeAsync()
    {
        _factory = new PlatformFactory(await TestDatabase.CreateAsync("limits"));
        _researcher = await _factory.NewResearcherAsync("limits.researcher@platform.test");
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_200_KB_8192x8192_bomb_is_refused_from_its_header() =>
        await ShouldBeRefusedFromItsHeaderAsync(await HostileVideos.HugePicturesAsync(),
            "The video is 8192×8192 pixels; at most 4096 on the long side and 2160 on the short side are accepted.");

    [Fact]
    public async Task A_video_at_1000_frames_per_second_is_refused_from_its_header() =>
        await ShouldBeRefusedFromItsHeaderAsync(await HostileVideos.ThousandFramesPerSecondAsync(),
            "The video has 1000 frames per second; at most 120 are accepted.");

    [Fact]
    public async Task UHD_at_60_frames_per_second_is_refused_for_its_pixels_per_second() =>
        await ShouldBeRefusedFromItsHeaderAsync(await HostileVideos.UhdAt60Async(),
            "The video has 497.7 million pixels per second (3840×2160 at 60 frames per second); at most 300 million are accepted.");

    [Fact]
    public async Task A_header_that_lies_about_the_size_is_caught_by_the_decoder_and_the_study_goes_on()
    {
        var studyId = await _researcher.CreateStudyAsync(new StudyBuilder().Build());

        var upload = await _researcher.UploadAsync(studyId, await HostileVideos.GrowingAsync(4096, 4096), "ours-simdrop", "a dancer spins");

        upload.StatusCode.Should().Be(HttpStatusCode.Accepted, "the header says 96×64");
        var rejected = (await _researcher.WaitForVideosAsync(studyId)).Should().ContainSingle().Subject;
        rejected.Status.Should().Be(VideoState.Rejected);
        rejected.Reason.Should().Be("The video has pictures of 4096×4096 pixels, larger than its header says; at most 4096 on the long side and 2160 on the short side are accepted.");
        (await _factory.UploadsAsync()).Should().BeEmpty();
        _factory.MediaFiles().Should().BeEmpty();
        ProcessingJobs().Should().BePositive("this refusal came from processing, after the upload was queued (and the count sees such jobs)");

        (await _researcher.UploadAsync(studyId, await TestVideos.ClipAsync(hue: 90), "base-model", "a dancer spins")).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await _researcher.WaitForVideosAsync(studyId)).Select(v => v.Status).Should().BeEquivalentTo([VideoState.Rejected, VideoState.Ready]);
    }

    /// <summary>
    /// A 422 problem+json with the refusal, and nothing recorded: no video, no upload event, no processing job, no file.
    /// The upload is recorded and its processing queued only after ffprobe's header check, so this refusal came from it.
    /// </summary>
    private async Task ShouldBeRefusedFromItsHeaderAsync(string file, string refusal)
    {
        var studyId = await _researcher.CreateStudyAsync(new StudyBuilder().Build());
        var media = _factory.MediaFiles();

        var response = await _researcher.UploadAsync(studyId, file, "ours-simdrop", "a dancer spins");

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString().Should().Be(refusal);
        (await _researcher.GetFromJsonAsync<List<VideoSummary>>($"/api/studies/{studyId}/videos", ApiClient.Json)).Should().BeEmpty();
        await using (var session = _factory.Services.GetRequiredService<IDocumentStore>().QuerySession())
            (await session.Events.QueryRawEventDataOnly<VideoUploaded>().CountAsync()).Should().Be(0);
        ProcessingJobs().Should().Be(0);
        (await _factory.UploadsAsync()).Should().BeEmpty();
        _factory.MediaFiles().Should().Equal(media);
    }

    /// <summary>ProcessVideo jobs Hangfire knows of, in any state.</summary>
    private int ProcessingJobs()
    {
        var monitoring = _factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var jobs = monitoring.EnqueuedJobs("default", 0, 1000).Select(j => j.Value.Job)
            .Concat(monitoring.ScheduledJobs(0, 1000).Select(j => j.Value.Job))
            .Concat(monitoring.ProcessingJobs(0, 1000).Select(j => j.Value.Job))
            .Concat(monitoring.SucceededJobs(0, 1000).Select(j => j.Value.Job))
            .Concat(monitoring.FailedJobs(0, 1000).Select(j => j.Value.Job));
        return jobs.Count(job => job?.Type == typeof(ProcessVideo));
    }
}
