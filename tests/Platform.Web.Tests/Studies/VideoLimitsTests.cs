using Microsoft.Extensions.Configuration;
using Platform.Web.Studies;

namespace Platform.Tests.Studies;

/// <summary>The checks on a video's headers and on how an ffmpeg run ended, as pure functions (no ffmpeg here).</summary>
public sealed class VideoLimitsTests
{
    private static readonly VideoLimits Defaults = VideoLimits.From(new ConfigurationBuilder().Build());

    private static VideoHeader Header(int width, int height, double averageRate, double realRate = double.NaN, double seconds = 10, string format = "mov,mp4,m4a,3gp,3g2,mj2") =>
        new(format, TimeSpan.FromSeconds(seconds), [new VideoStreamHeader(width, height, averageRate, realRate, IsPicture: false)]);

    [Theory]
    [InlineData(1920, 1080, 60)]
    [InlineData(1080, 1920, 120)]
    [InlineData(3840, 2160, 30)]
    [InlineData(4096, 2160, 30)]
    [InlineData(2160, 3840, 30)]
    [InlineData(832, 480, 16)]
    public void The_defaults_take_research_videos_up_to_4K_at_30_and_1080p_at_120(int width, int height, double rate) =>
        Defaults.Refusal(Header(width, height, rate)).Should().BeNull();

    [Theory]
    [InlineData(8192, 8192, 10, "The video is 8192×8192 pixels; at most 4096 on the long side and 2160 on the short side are accepted.")]
    [InlineData(4096, 4096, 10, "The video is 4096×4096 pixels; at most 4096 on the long side and 2160 on the short side are accepted.")]
    [InlineData(64, 5000, 10, "The video is 64×5000 pixels; at most 4096 on the long side and 2160 on the short side are accepted.")]
    [InlineData(96, 64, 1000, "The video has 1000 frames per second; at most 120 are accepted.")]
    [InlineData(3840, 2160, 60, "The video has 497.7 million pixels per second (3840×2160 at 60 frames per second); at most 300 million are accepted.")]
    public void The_defaults_refuse_bombs_naming_what_was_found_and_the_limit(int width, int height, double rate, string refusal) =>
        Defaults.Refusal(Header(width, height, rate)).Should().Be(refusal);

    [Fact]
    public void Without_an_average_frame_rate_the_rate_of_the_timestamps_counts()
    {
        Defaults.Refusal(Header(96, 64, averageRate: double.NaN, realRate: 1000)).Should().Be("The video has 1000 frames per second; at most 120 are accepted.");
        Defaults.Refusal(Header(96, 64, averageRate: 0, realRate: 25)).Should().BeNull();
    }

    [Theory]
    [InlineData(double.NaN, double.NaN)]
    [InlineData(0, 0)]
    [InlineData(double.PositiveInfinity, -1)]
    public void A_video_whose_header_gives_no_frame_rate_is_refused(double averageRate, double realRate) =>
        Defaults.Refusal(Header(96, 64, averageRate, realRate)).Should().Be("The video's header gives no frame rate, so what decoding it would cost cannot be known.");

    [Fact]
    public void A_cover_picture_counts_for_its_size_but_not_for_a_frame_rate()
    {
        VideoHeader WithCover(int width, int height) => new("mov,mp4,m4a,3gp,3g2,mj2", TimeSpan.FromSeconds(2),
            [new VideoStreamHeader(96, 64, 10, 10, IsPicture: false), new VideoStreamHeader(width, height, 0, 90000, IsPicture: true)]);

        Defaults.Refusal(WithCover(600, 600)).Should().BeNull();
        Defaults.Refusal(WithCover(8192, 8192)).Should().Be("The video is 8192×8192 pixels; at most 4096 on the long side and 2160 on the short side are accepted.");
    }

    [Fact]
    public void A_second_video_stream_over_the_limits_is_refused_as_ffmpeg_would_pick_it()
    {
        var header = new VideoHeader("matroska,webm", TimeSpan.FromSeconds(2),
            [new VideoStreamHeader(96, 64, 10, 10, IsPicture: false), new VideoStreamHeader(1920, 1080, 240, 240, IsPicture: false)]);

        Defaults.Refusal(header).Should().Be("The video has 240 frames per second; at most 120 are accepted.");
    }

    [Fact]
    public void Files_without_a_moving_picture_or_a_duration_keep_their_refusals()
    {
        Defaults.Refusal(new VideoHeader("mp3", TimeSpan.FromSeconds(3), [])).Should().Be("The file has no video stream.");
        Defaults.Refusal(Header(640, 480, 1, format: "png_pipe")).Should().Be("The file has no video stream.");
        Defaults.Refusal(Header(96, 64, 10, seconds: 0)).Should().Be("The video has no duration.");
        Defaults.Refusal(Header(96, 64, 10, seconds: 130)).Should().Be("The video lasts 130 s; at most 120 s are accepted.");
    }

    [Fact]
    public void The_limits_come_from_configuration()
    {
        var limits = VideoLimits.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Videos:MaxLongSide"] = "320",
            ["Videos:MaxShortSide"] = "240",
            ["Videos:MaxFrameRate"] = "30",
            ["Videos:MaxPixelsPerSecond"] = "1000000",
        }).Build());

        limits.MaxPixelsPerFrame.Should().Be(320 * 240);
        limits.Refusal(Header(640, 480, 10)).Should().Be("The video is 640×480 pixels; at most 320 on the long side and 240 on the short side are accepted.");
        limits.Refusal(Header(96, 64, 60)).Should().Be("The video has 60 frames per second; at most 30 are accepted.");
        limits.Refusal(Header(320, 240, 25)).Should().Be("The video has 1.9 million pixels per second (320×240 at 25 frames per second); at most 1 million are accepted.");
    }

    [Fact]
    public void Pictures_the_decoder_refused_as_larger_than_the_header_said_are_named()
    {
        string[] stderr =
        [
            "[h264 @ 0x55ffe2beacc0] [IMGUTILS @ 0x7fab7f11d450] Picture size 4096x4096 exceeds specified max pixel count 8847360, see the documentation if you wish to increase it",
            "[h264 @ 0x55ffe2beacc0] get_buffer() failed",
        ];

        Defaults.OversizedFrames(stderr).Should().Be("The video has pictures of 4096×4096 pixels, larger than its header says; at most 4096 on the long side and 2160 on the short side are accepted.");
        Defaults.OversizedFrames(["frame=   10 fps=0.0 q=-1.0 Lsize=       1kB time=00:00:01.00"]).Should().BeNull();
    }

    private static readonly FFmpegCaps Caps = new(CpuSeconds: 900, MemoryMegabytes: 3072, WallSeconds: 1800, Threads: 4);

    [Fact]
    public void A_run_ended_by_SIGXCPU_is_refused_for_its_CPU_time()
    {
        const string Refusal = "The video could not be processed within the limits: ffmpeg used its 900 s of CPU time trying to convert the video to H.264.";
        Caps.Explain(152, [], "ffmpeg", "convert the video to H.264").Should().Be(Refusal);
        Caps.Explain(255, ["Exiting normally, received signal 24."], "ffmpeg", "convert the video to H.264").Should().Be(Refusal);
    }

    [Theory]
    [InlineData("x264 [error]: malloc of size 12116928 failed")]
    [InlineData("Error while decoding stream #0:0: Cannot allocate memory")]
    [InlineData("ffmpeg: error while loading shared libraries: libgomp.so.1: failed to map segment from shared object")]
    [InlineData("Error while opening decoder for input stream #0:0 : Resource temporarily unavailable")]
    public void A_run_that_says_it_ran_out_of_memory_is_refused_for_its_memory(string line) =>
        Caps.Explain(1, ["Conversion failed!", line], "ffmpeg", "make the poster frame")
            .Should().Be("The video could not be processed within the limits: ffmpeg needed more than its 3072 MB of memory to make the poster frame.");

    [Fact]
    public void A_killed_run_is_refused_naming_both_caps() =>
        Caps.Explain(137, [], "ffprobe", "read the file's headers")
            .Should().Be("The video could not be processed within the limits: ffprobe was stopped trying to read the file's headers (a run may use 900 s of CPU time and 3072 MB of memory).");

    [Fact]
    public void Other_failures_and_uncapped_runs_are_not_taken_for_the_limits()
    {
        Caps.Explain(1, ["Unknown encoder 'mjpeg'"], "ffmpeg", "take a poster frame").Should().BeNull();
        new FFmpegCaps(0, 0, 0, 0).Explain(152, ["x264 [error]: malloc of size 1 failed"], "ffmpeg", "take a poster frame").Should().BeNull();
    }
}
