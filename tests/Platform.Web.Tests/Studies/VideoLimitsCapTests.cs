using System.Net;
using Platform.Studies;
using Platform.Testing;

namespace Platform.Tests.Studies;

/// <summary>A host whose ffmpeg runs may use one second of CPU time each: enough for a small clip, not for a 1080p one.</summary>
#pragma warning disable CA1001 // xunit disposes it through IAsyncLifetime
public sealed class VideoLimitsCapTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private PlatformFactory _factory = default!;

    public async Task InitializeAsync() =>
        _factory = new PlatformFactory(await TestDatabase.CreateAsync("caps"), new Dictionary<string, string?>
        {
            ["Videos:FFmpegCpuSeconds"] = "1",
            ["Videos:FFmpegThreads"] = "2",
        });

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_video_that_needs_more_CPU_time_than_the_cap_is_rejected_within_the_limits_and_the_study_goes_on()
    {
        var researcher = await _factory.NewResearcherAsync("caps.researcher@platform.test");
        var studyId = await researcher.CreateStudyAsync(new StudyBuilder().Build());

        var upload = await researcher.UploadAsync(studyId, await TestVideos.ClipAsync(hue: 100, seconds: 3, width: 1920, height: 1080, fps: 30), "ours-simdrop", "a dancer spins");

        upload.StatusCode.Should().Be(HttpStatusCode.Accepted, "reading its headers takes a few milliseconds of CPU time");
        var rejected = (await researcher.WaitForVideosAsync(studyId)).Should().ContainSingle().Subject;
        rejected.Status.Should().Be(VideoState.Rejected);
        rejected.Reason.Should().StartWith("The video could not be processed within the limits: ffmpeg ").And.Contain("1 s of CPU time").And.Contain("convert the video to H.264");
        (await _factory.UploadsAsync()).Should().BeEmpty();
        _factory.MediaFiles().Should().BeEmpty();

        (await researcher.UploadAsync(studyId, await TestVideos.ClipAsync(hue: 110), "base-model", "a dancer spins")).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await researcher.WaitForVideosAsync(studyId)).Select(v => v.Status).Should().BeEquivalentTo([VideoState.Rejected, VideoState.Ready],
            "a small clip fits in the cap, and the worker that stopped the large one goes on");
    }
}
