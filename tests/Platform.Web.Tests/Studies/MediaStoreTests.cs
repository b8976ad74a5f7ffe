using Marten;
using Platform.Web.Hosting;
using Platform.Web.Studies;

namespace Platform.Tests.Studies;

/// <summary>Files are kept together with what refers to them, or taken back; content another video uses stays.</summary>
[Collection(StudiesHost.Name)]
public sealed class MediaStoreTests(PlatformFixture fixture)
{
    private MediaStore Media => fixture.Factory.Services.GetRequiredService<MediaStore>();

    private string MediaFolder => fixture.Factory.Services.GetRequiredService<Storage>().Media;

    [Fact]
    public async Task Files_whose_record_fails_are_taken_back()
    {
        var file = await NewFileAsync("failed save");
        var name = Sha(file);

        var act = () => Media.ImportAsync([file], _ => throw new InvalidOperationException("the database went away"), CancellationToken.None);

        await act.Should().ThrowAsync<InvalidOperationException>();
        Directory.EnumerateFiles(MediaFolder, "*", SearchOption.AllDirectories).Should().NotContain(f => f.EndsWith(name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_import_of_content_another_record_uses_leaves_the_file()
    {
        var first = await NewFileAsync("shared bytes");
        var second = await NewFileAsync("shared bytes");
        MediaFile? kept = null;
        (await Media.ImportAsync([first], async stored => await SaveAsync(kept = stored[0]), CancellationToken.None)).Should().BeTrue();

        (await Media.ImportAsync([second], _ => Task.FromResult(false), CancellationToken.None)).Should().BeFalse();

        File.Exists(Media.PathOf(kept!)).Should().BeTrue("the first record still refers to the same content");
    }

    [Fact]
    public async Task A_record_that_declines_takes_back_the_files_it_put_in_place()
    {
        var file = await NewFileAsync("declined");
        MediaFile? placed = null;

        (await Media.ImportAsync([file], stored => { placed = stored[0]; return Task.FromResult(false); }, CancellationToken.None)).Should().BeFalse();

        File.Exists(Media.PathOf(placed!)).Should().BeFalse();
        File.Exists(file.Path).Should().BeFalse("the finished file was moved, not copied");
    }

    private async Task<bool> SaveAsync(MediaFile file)
    {
        await using var session = fixture.Factory.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        session.Store(file);
        await session.SaveChangesAsync();
        return true;
    }

    // Unique per test run: the fixture's media folder is shared by the tests of this class.
    private static async Task<NewMediaFile> NewFileAsync(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"media-{Guid.NewGuid():N}.bin");
        await File.WriteAllTextAsync(path, content + " " + RunId);
        return new NewMediaFile(path, ".bin", "application/octet-stream");
    }

    private static readonly string RunId = Guid.NewGuid().ToString("N");

    private static string Sha(NewMediaFile file) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file.Path))) + file.Extension;
}
