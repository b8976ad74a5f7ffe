using Platform.Web.Generation.Protocols;

namespace Platform.Tests.Generation;

public sealed class SavingDownloadsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("save-").FullName;

    private static HttpResponseMessage Response(int bytes, long? announced = null)
    {
        var content = new ByteArrayContent(new byte[bytes]);
        content.Headers.ContentLength = announced ?? bytes;
        return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = content };
    }

    [Fact]
    public async Task A_whole_body_is_kept_under_its_name()
    {
        var path = Path.Combine(_directory, "video.mp4");

        await Http.SaveAsync(Response(1000), path, maxBytes: 1000, CancellationToken.None);

        new FileInfo(path).Length.Should().Be(1000);
        Directory.EnumerateFiles(_directory).Should().ContainSingle();
    }

    [Theory]
    [InlineData(2000, null)]
    [InlineData(2000, 10L)]
    public async Task A_body_over_the_limit_is_refused_and_nothing_is_kept(int bytes, long? announced)
    {
        // Announced too large, or announced small but sending more: either way the download stops at the limit.
        var act = () => Http.SaveAsync(Response(bytes, announced), Path.Combine(_directory, "video.mp4"), maxBytes: 1000, CancellationToken.None);

        (await act.Should().ThrowAsync<DownloadException>()).Which.Message.Should().Contain("1000");
        Directory.EnumerateFiles(_directory).Should().BeEmpty();
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
