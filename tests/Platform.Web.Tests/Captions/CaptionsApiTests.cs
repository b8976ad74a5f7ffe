using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Accounts;
using Platform.Captions;
using Platform.Testing;
using Platform.Web.Captions;

namespace Platform.Tests.Captions;

[Collection(PlatformHost.Name)]
public sealed class CaptionsApiTests(PlatformFixture fixture)
{
    private PlatformFactory Factory => fixture.Factory;

    [Fact]
    public async Task An_imported_video_starts_with_a_caption_composed_from_its_tags_and_is_imported_once()
    {
        var researcher = await fixture.ResearcherAsync();

        var view = await researcher.ImportedAsync(hue: 301);

        (view.Status, view.Revisions.Count).Should().Be((CaptionStatus.Drafted, 1));
        view.Text.Should().StartWith("[synthetic]").And.Contain("uprock").And.Contain("orbits around");
        view.Warnings.Should().BeEmpty("the composed draft agrees with its own render data");
        (await researcher.ImportAsync(await TestVideos.ClipAsync(301))).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_sidecar_that_breaks_the_schema_is_refused_naming_the_field_and_nothing_is_kept()
    {
        var researcher = await fixture.ResearcherAsync();
        var before = await researcher.GetFromJsonAsync<List<VideoSummary>>("/api/synthetic-videos", ApiClient.Json);

        var response = await researcher.ImportAsync(await TestVideos.ClipAsync(302), CaptionApi.Sidecar.Replace("\"spin\"", "\"orbit\"", StringComparison.Ordinal));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).Should().Contain(e => e!.StartsWith("renderParameters.camera.movementType", StringComparison.Ordinal));
        (await researcher.GetFromJsonAsync<List<VideoSummary>>("/api/synthetic-videos", ApiClient.Json)).Should().HaveCount(before!.Count);
    }

    [Fact]
    public async Task Two_editors_saving_the_same_version_get_one_conflict_that_carries_both_texts()
    {
        var video = await (await fixture.ResearcherAsync()).ImportedAsync(hue: 303);
        var first = await Factory.UserAsync("ann", Role.Annotator);
        var second = await Factory.UserAsync("bob", Role.Annotator);

        var responses = await Task.WhenAll(
            first.SaveCaptionAsync(video.VideoId, "A breakdancer does an uprock, then a freeze.", video.Version),
            second.SaveCaptionAsync(video.VideoId, "A dancer in a studio does an uprock and a freeze.", video.Version));

        responses.Select(r => r.StatusCode).Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        var loser = responses.Single(r => r.StatusCode == HttpStatusCode.Conflict);
        var problem = await loser.Content.ReadFromJsonAsync<JsonElement>();
        var saved = await first.CaptionAsync(video.VideoId);
        problem.GetProperty("current").GetProperty("text").GetString().Should().Be(saved.Text, "the conflict shows what was saved");
        problem.GetProperty("yours").GetString().Should().NotBe(saved.Text).And.BeOneOf(
            "A breakdancer does an uprock, then a freeze.", "A dancer in a studio does an uprock and a freeze.");
        saved.Revisions.Should().HaveCount(2, "exactly one of the two saves became a revision");
    }

    [Fact]
    public async Task An_annotator_cannot_accept_and_a_reviewer_cannot_accept_their_own_revision()
    {
        var video = await (await fixture.ResearcherAsync()).ImportedAsync(hue: 304);
        var annotator = await Factory.UserAsync("ann", Role.Annotator);
        var both = await Factory.UserAsync("rev-ann", Role.Annotator, Role.Reviewer);
        var reviewer = await Factory.UserAsync("rev", Role.Reviewer);
        (await both.SaveCaptionAsync(video.VideoId, "A breakdancer does an uprock and a freeze while the camera slowly orbits.", video.Version)).EnsureSuccessStatusCode();
        (await both.CaptionStepAsync(video.VideoId, "submit")).EnsureSuccessStatusCode();

        (await annotator.CaptionStepAsync(video.VideoId, "accept")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await both.CaptionStepAsync(video.VideoId, "accept")).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await reviewer.CaptionStepAsync(video.VideoId, "accept")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await reviewer.CaptionAsync(video.VideoId)).Status.Should().Be(CaptionStatus.Accepted);
    }

    [Fact]
    public async Task A_review_decided_on_a_version_that_has_moved_on_is_a_conflict()
    {
        var video = await (await fixture.ResearcherAsync()).ImportedAsync(hue: 308);
        var annotator = await Factory.UserAsync("ann", Role.Annotator);
        var reviewer = await Factory.UserAsync("rev", Role.Reviewer);
        (await annotator.SaveCaptionAsync(video.VideoId, "First text.", video.Version)).EnsureSuccessStatusCode();
        (await annotator.CaptionStepAsync(video.VideoId, "submit")).EnsureSuccessStatusCode();
        var seen = await reviewer.CaptionAsync(video.VideoId);
        // Meanwhile another reviewer rejects it, and the annotator submits a new text the first reviewer has not read.
        var other = await Factory.UserAsync("rev2", Role.Reviewer);
        (await other.CaptionStepAsync(video.VideoId, "reject", new RejectionRequest("Name the moves."))).EnsureSuccessStatusCode();
        (await annotator.SaveCaptionAsync(video.VideoId, "Second text.", (await annotator.CaptionAsync(video.VideoId)).Version)).EnsureSuccessStatusCode();
        (await annotator.CaptionStepAsync(video.VideoId, "submit")).EnsureSuccessStatusCode();

        var stale = await reviewer.CaptionStepAsync(video.VideoId, "accept", new CaptionStep(seen.Version));

        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await reviewer.CaptionAsync(video.VideoId)).Status.Should().Be(CaptionStatus.Submitted);
    }

    [Fact]
    public async Task A_rejection_goes_back_with_its_comment_and_the_history_tells_who_did_what()
    {
        var video = await (await fixture.ResearcherAsync()).ImportedAsync(hue: 305);
        var annotator = await Factory.UserAsync("ann", Role.Annotator);
        var reviewer = await Factory.UserAsync("rev", Role.Reviewer);
        (await annotator.SaveCaptionAsync(video.VideoId, "A breakdancer dances.", video.Version)).EnsureSuccessStatusCode();
        (await annotator.CaptionStepAsync(video.VideoId, "submit")).EnsureSuccessStatusCode();

        (await reviewer.CaptionStepAsync(video.VideoId, "reject", new RejectionRequest("Name the uprock and the freeze."))).EnsureSuccessStatusCode();

        var view = await annotator.CaptionAsync(video.VideoId);
        (view.Status, view.RejectionComment).Should().Be((CaptionStatus.Rejected, "Name the uprock and the freeze."));
        view.History.Select(h => h.What).Should().Equal("drafted", "revised", "submitted", "rejected");
        view.Warnings.Should().Contain(w => w.Kind == CaptionWarningKind.MissingMotion);
    }

    [Fact]
    public async Task The_export_holds_only_accepted_captions_and_is_the_same_bytes_twice()
    {
        var researcher = await Factory.UserAsync("lead", Role.Researcher);
        var accepted = await researcher.ImportedAsync(hue: 306);
        var pending = await researcher.ImportedAsync(hue: 307);
        var annotator = await Factory.UserAsync("ann", Role.Annotator);
        var reviewer = await Factory.UserAsync("rev", Role.Reviewer);
        (await annotator.SaveCaptionAsync(accepted.VideoId, "[synthetic] A breakdancer does an uprock and a freeze.", accepted.Version)).EnsureSuccessStatusCode();
        (await annotator.CaptionStepAsync(accepted.VideoId, "submit")).EnsureSuccessStatusCode();
        (await reviewer.CaptionStepAsync(accepted.VideoId, "accept")).EnsureSuccessStatusCode();

        var first = await researcher.GetByteArrayAsync("/api/captions/export?status=accepted&format=jsonl");
        var second = await researcher.GetByteArrayAsync("/api/captions/export?status=accepted&format=jsonl");

        second.Should().Equal(first);
        var lines = System.Text.Encoding.UTF8.GetString(first).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines.Should().Contain(l => l.GetProperty("caption").GetString() == "[synthetic] A breakdancer does an uprock and a freeze."
            && l.GetProperty("sha256").GetString()!.Length == 64 && l.GetProperty("video").GetString()!.Contains("/media/", StringComparison.Ordinal));
        lines.Should().NotContain(l => l.GetProperty("revisionId").GetGuid() == pending.RevisionId);
        lines.Should().OnlyContain(l => l.GetProperty("renderParameters").GetProperty("camera").GetProperty("movementType").GetString() == "spin");
        (await researcher.GetStringAsync("/api/captions/export?format=csv")).Should().StartWith("video,sha256,caption,genericCaption,tags,specialTags,renderParameters,revisionId");
    }

    [Fact]
    public async Task The_export_takes_statuses_as_the_api_writes_them_and_refuses_numbers()
    {
        var researcher = await fixture.ResearcherAsync();

        (await researcher.GetAsync("/api/captions/export?status=in-progress&format=csv")).StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        (await researcher.GetAsync("/api/captions/export?status=InProgress&format=csv")).StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        (await researcher.GetAsync("/api/captions/export?status=2&format=csv")).StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
    }
}
