using Platform.Generation;
using Platform.Testing;
using Platform.Web.Generation.Protocols;

namespace Platform.Tests.Generation;

/// <summary>Both protocol adapters against the reference render server over real HTTP.</summary>
public sealed class ProtocolClientTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>, IAsyncLifetime
{
    private ReferenceRenderServer _server = default!;

    public async Task InitializeAsync() => _server = await ReferenceRenderServer.StartAsync(apiKey: "secret-key");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private IVideoServerClient Client(ServerProtocol protocol) =>
        fixture.Factory.Services.GetRequiredService<IEnumerable<IVideoServerClient>>().Single(c => c.Protocol == protocol);

    private ServerConnection Connection(ServerProtocol protocol, string? apiKey = "secret-key") => new(Guid.NewGuid(),
        new ServerSettings("reference", protocol, _server.BaseUrl, "reference-render", 2, null, protocol == ServerProtocol.ComfyUi ? GenerationApi.ComfyTemplate : null), apiKey);

    private static readonly GenerationSettings Small = new(GuidanceScale: 6, Width: 64, Height: 48, Fps: 8, Frames: 8);

    private static Task<RemoteStatus> UntilDoneAsync(IVideoServerClient client, ServerConnection server, string id) =>
        Eventually.ReturnsAsync(() => client.StatusAsync(server, id, CancellationToken.None), status => status is not RemoteStatus.Pending, $"job {id} finishes");

    [Theory]
    [InlineData(ServerProtocol.OpenAiVideos)]
    [InlineData(ServerProtocol.ComfyUi)]
    public async Task A_job_is_submitted_followed_and_downloaded_as_a_real_video(ServerProtocol protocol)
    {
        var client = Client(protocol);
        var server = Connection(protocol);
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.mp4");

        var id = await client.SubmitAsync(server, new RemoteRequest(Guid.NewGuid().ToString(), "a dancer spins", 7, Small), CancellationToken.None);
        var status = await UntilDoneAsync(client, server, id);
        await client.DownloadAsync(server, id, path, CancellationToken.None);

        status.Should().BeOfType<RemoteStatus.Completed>();
        var probed = await FFMpegCore.FFProbe.AnalyseAsync(path);
        (probed.PrimaryVideoStream!.Width, probed.PrimaryVideoStream.Height).Should().Be((64, 48));
        File.Delete(path);
        (await client.ProbeAsync(server, CancellationToken.None)).Should().BeNull();
    }

    [Theory]
    [InlineData(ServerProtocol.OpenAiVideos)]
    [InlineData(ServerProtocol.ComfyUi)]
    public async Task Submitting_again_with_the_same_key_does_not_render_twice(ServerProtocol protocol)
    {
        var client = Client(protocol);
        var server = Connection(protocol);
        var request = new RemoteRequest(Guid.NewGuid().ToString(), "a gymnast flips", 3, Small);
        var before = await _server.StatsAsync();

        var first = await client.SubmitAsync(server, request, CancellationToken.None);
        var again = await client.SubmitAsync(server, request, CancellationToken.None);

        again.Should().Be(first);
        (await _server.StatsAsync()).Submitted.Should().Be(before.Submitted + 1);
    }

    [Theory]
    [InlineData(ServerProtocol.OpenAiVideos)]
    [InlineData(ServerProtocol.ComfyUi)]
    public async Task A_job_the_server_forgot_in_a_restart_reads_as_lost(ServerProtocol protocol)
    {
        var client = Client(protocol);
        var server = Connection(protocol);
        var id = await client.SubmitAsync(server, new RemoteRequest(Guid.NewGuid().ToString(), "a dancer spins", 1, Small), CancellationToken.None);

        await _server.RestartAsync();

        (await client.StatusAsync(server, id, CancellationToken.None)).Should().BeOfType<RemoteStatus.Lost>();
    }

    [Theory]
    [InlineData(ServerProtocol.OpenAiVideos)]
    [InlineData(ServerProtocol.ComfyUi)]
    public async Task A_finished_video_the_server_forgot_before_its_download_reads_as_lost_and_leaves_no_file(ServerProtocol protocol)
    {
        var client = Client(protocol);
        var server = Connection(protocol);
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.mp4");
        var id = await client.SubmitAsync(server, new RemoteRequest(Guid.NewGuid().ToString(), "a dancer spins", 2, Small), CancellationToken.None);
        (await UntilDoneAsync(client, server, id)).Should().BeOfType<RemoteStatus.Completed>();

        await _server.RestartAsync();

        await FluentActions.Awaiting(() => client.DownloadAsync(server, id, path, CancellationToken.None)).Should().ThrowAsync<JobLostException>();
        File.Exists(path).Should().BeFalse();
        File.Exists(path + ".part").Should().BeFalse();
    }

    [Fact]
    public async Task Back_pressure_comes_back_as_busy_with_the_servers_retry_after()
    {
        var client = Client(ServerProtocol.OpenAiVideos);
        await _server.InjectAsync(new ReferenceRenderServer.Faults(RejectNext: 1, RejectStatus: 429, RetryAfterSeconds: 3));

        var act = () => client.SubmitAsync(Connection(ServerProtocol.OpenAiVideos), new RemoteRequest(Guid.NewGuid().ToString(), "x", 1, Small), CancellationToken.None);

        (await act.Should().ThrowAsync<ServerBusyException>()).Which.RetryAfter.Should().Be(TimeSpan.FromSeconds(3));
        await _server.InjectAsync(new ReferenceRenderServer.Faults());
    }

    [Fact]
    public async Task A_wrong_api_key_is_a_refusal_not_a_retry()
    {
        var act = () => Client(ServerProtocol.OpenAiVideos).SubmitAsync(Connection(ServerProtocol.OpenAiVideos, "wrong"), new RemoteRequest(Guid.NewGuid().ToString(), "x", 1, Small), CancellationToken.None);

        (await act.Should().ThrowAsync<ServerRefusedException>()).Which.Message.Should().Contain("401");
    }

    [Theory]
    [InlineData(ServerProtocol.OpenAiVideos)]
    [InlineData(ServerProtocol.ComfyUi)]
    public async Task A_download_cut_short_throws_and_leaves_no_file(ServerProtocol protocol)
    {
        var client = Client(protocol);
        var server = Connection(protocol);
        var id = await client.SubmitAsync(server, new RemoteRequest(Guid.NewGuid().ToString(), "a dancer spins", 2, Small), CancellationToken.None);
        await UntilDoneAsync(client, server, id);
        await _server.InjectAsync(new ReferenceRenderServer.Faults(TruncateContent: true));
        var directory = Directory.CreateTempSubdirectory("download-").FullName;

        var act = () => client.DownloadAsync(server, id, Path.Combine(directory, "video.mp4"), CancellationToken.None);

        await act.Should().ThrowAsync<IOException>();
        Directory.EnumerateFiles(directory).Should().BeEmpty();
        await _server.InjectAsync(new ReferenceRenderServer.Faults());
        Directory.Delete(directory);
    }
}
