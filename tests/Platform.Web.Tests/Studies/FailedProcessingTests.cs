using System.Net;
using Marten;
using Platform.Studies;
using Platform.Testing;
using Platform.Web.Hosting;
using Platform.Web.Studies;

namespace Platform.Tests.Studies;

/// <summary>
/// A host whose ffmpeg (Videos:FFmpegFolder) cannot write JPEG, as a build without the mjpeg encoder: it converts videos
/// like the real one, then fails at the poster frame, half-way through processing.
/// </summary>
#pragma warning disable CA1001 // xunit disposes it through IAsyncLifetime
public sealed class FailedProcessingTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private readonly string _tools = Directory.CreateTempSubdirectory("platform-ffmpeg-").FullName;
    private PlatformFactory _factory = default!;

    public async Task InitializeAsync()
    {
        var ffmpeg = Path.Combine(_tools, "ffmpeg");
        await File.WriteAllTextAsync(ffmpeg, """
            #!/bin/sh
            for argument in "$@"; do
              case "$argument" in *.jpg) echo "Unknown encoder 'mjpeg'" >&2; exit 1;; esac
            done
            exec ffmpeg "$@"
            """);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(ffmpeg, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _factory = new PlatformFactory(await TestDatabase.CreateAsync("ffmpeg"), new Dictionary<string, string?> { ["Videos:FFmpegFolder"] = _tools });
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        Directory.Delete(_tools, recursive: true);
    }

    [Fact]
    public async Task A_video_that_fails_half_way_is_rejected_with_a_reason_and_leaves_nothing_half_stored()
    {
        var researcher = await _factory.NewResearcherAsync("ffmpeg.researcher@platform.test");
        var studyId = await researcher.CreateStudyAsync(new StudyBuilder().Build());

        var upload = await researcher.UploadAsync(studyId, await TestVideos.ClipAsync(hue: 60), "ours-simdrop", "a dancer spins");

        upload.StatusCode.Should().Be(HttpStatusCode.Accepted, "ffprobe accepts the file");
        var video = (await researcher.WaitForVideosAsync(studyId)).Should().ContainSingle().Subject;
        video.Status.Should().Be(VideoState.Rejected);
        video.Reason.Should().Be("ffmpeg could not make the poster frame and the copies for gold trials.");
        (await _factory.UploadsAsync()).Should().BeEmpty("neither the upload nor the half-made conversion stays");
        _factory.MediaFiles().Should().BeEmpty();
        await using var session = _factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await session.Query<MediaFile>().CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task An_unexpected_error_on_the_last_attempt_rejects_the_video_with_its_message()
    {
        var video = await UploadedWithoutQueueingAsync(await TestVideos.ClipAsync(hue: 70));
        var work = Path.Combine(_factory.Services.GetRequiredService<Storage>().Uploads, $"{video.Id:N}.work");
        await File.WriteAllTextAsync(work, "a file where the job wants its scratch folder: an I/O error no retry can fix");

        // Hangfire passes no context to a direct call, which the job takes for its last attempt.
        await _factory.Services.GetRequiredService<ProcessVideo>().RunAsync(video.Id, null, CancellationToken.None);

        File.Delete(work);
        await using var session = _factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var stored = await session.LoadAsync<CandidateVideo>(video.Id);
        stored!.State.Should().Be(VideoState.Rejected);
        stored.RejectionReason.Should().StartWith("The video could not be processed: ").And.Contain(video.Id.ToString("N"));
        (await _factory.UploadsAsync()).Should().BeEmpty();
    }

    /// <summary>A video recorded as uploaded, its file in uploads/, and no job queued: the test runs the job itself.</summary>
    private async Task<CandidateVideo> UploadedWithoutQueueingAsync(string clip)
    {
        var researcher = await _factory.NewResearcherAsync("direct.researcher@platform.test");
        var studyId = await researcher.CreateStudyAsync(new StudyBuilder().Build());
        var uploaded = new VideoUploaded(Guid.NewGuid(), studyId, "ours-simdrop", "a dancer spins", "dance", null, "clip.mp4", new FileInfo(clip).Length, Guid.NewGuid(), DateTimeOffset.UtcNow);
        File.Copy(clip, VideoUploads.UploadPath(_factory.Services.GetRequiredService<Storage>(), uploaded.VideoId));
        await using var session = _factory.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        session.Events.StartStream<CandidateVideo>(uploaded.VideoId, uploaded);
        await session.SaveChangesAsync();
        return CandidateVideo.Create(uploaded);
    }
}
