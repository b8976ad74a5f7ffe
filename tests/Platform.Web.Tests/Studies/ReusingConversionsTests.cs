using Marten;
using Platform.Studies;
using Platform.Testing;
using Platform.Web.Studies;

namespace Platform.Tests.Studies;

/// <summary>The same bytes uploaded again are not converted again; they are recorded as a fresh conversion would be.</summary>
[Collection(StudiesHost.Name)]
public sealed class ReusingConversionsTests(PlatformFixture fixture)
{
    [Fact]
    public async Task A_file_uploaded_to_a_second_study_reuses_the_first_conversion_under_media_ids_of_its_own()
    {
        var researcher = await fixture.ResearcherAsync();
        var clip = await TestVideos.ClipAsync(hue: 901);
        var first = await UploadReadyAsync(researcher, clip);

        var second = await UploadReadyAsync(researcher, clip);

        first.MediaId.Should().NotBe(second.MediaId);
        new[] { second.PosterMediaId, second.DegradedMediaId, second.CorruptedMediaId }.Should().NotIntersectWith([first.PosterMediaId, first.DegradedMediaId, first.CorruptedMediaId]);
        (second.Sha256, second.DurationSeconds, second.Width, second.Height, second.FrameRate)
            .Should().Be((first.Sha256, first.DurationSeconds, first.Width, first.Height, first.FrameRate));
        (await ConvertedByAsync(clip)).Should().Be(first.Id, "the second upload took the first one's files rather than converting again");
    }

    [Fact]
    public async Task When_the_earlier_files_are_gone_the_bytes_are_converted_again()
    {
        var researcher = await fixture.ResearcherAsync();
        var clip = await TestVideos.ClipAsync(hue: 902);
        var first = await UploadReadyAsync(researcher, clip);
        await using (var session = Store.QuerySession())
        {
            var poster = await session.LoadAsync<MediaFile>(first.PosterMediaId!);
            File.Delete(fixture.Factory.Services.GetRequiredService<MediaStore>().PathOf(poster!));
        }

        var second = await UploadReadyAsync(researcher, clip);

        second.State.Should().Be(VideoState.Ready);
        (await ConvertedByAsync(clip)).Should().Be(second.Id);
    }

    private IDocumentStore Store => fixture.Factory.Services.GetRequiredService<IDocumentStore>();

    private async Task<CandidateVideo> UploadReadyAsync(HttpClient researcher, string clip)
    {
        var studyId = await researcher.CreateStudyAsync(new StudyBuilder().Build());
        (await researcher.UploadAsync(studyId, clip, "base-model", "a dancer spins")).EnsureSuccessStatusCode();
        var video = (await researcher.WaitForVideosAsync(studyId)).Single();
        await using var session = Store.QuerySession();
        return (await session.LoadAsync<CandidateVideo>(video.Id))!;
    }

    private async Task<Guid?> ConvertedByAsync(string clip)
    {
        var tools = fixture.Factory.Services.GetRequiredService<VideoTools>();
        var key = ProcessedUploads.KeyOf(await MediaStore.HashAsync(clip, CancellationToken.None), tools);
        await using var session = Store.QuerySession();
        return (await session.LoadAsync<ProcessedUpload>(key))?.VideoId;
    }
}
