using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Accounts;
using Platform.Studies;
using Platform.Testing;
using Platform.Web.Studies;

namespace Platform.Tests.Studies;

[Collection(StudiesHost.Name)]
public sealed class StudiesApiTests(PlatformFixture fixture)
{
    private PlatformFactory Factory => fixture.Factory;

    [Fact]
    public async Task A_researcher_designs_a_study_that_starts_as_a_draft()
    {
        var researcher = await fixture.ResearcherAsync();

        var id = await researcher.CreateStudyAsync(new StudyBuilder().Build());

        var study = await researcher.GetFromJsonAsync<StudyDetails>($"/api/studies/{id}", ApiClient.Json);
        study!.Status.Should().Be(StudyStatus.Draft);
        study.Settings.Conditions.Select(c => c.Key).Should().Equal("base-model", "ours-simdrop");
        study.ParticipantLink.Should().Contain($"/take/{id}?PROLIFIC_PID={{{{%PROLIFIC_PID%}}}}");
        (await researcher.GetFromJsonAsync<List<StudySummary>>("/api/studies", ApiClient.Json)).Should().Contain(s => s.Id == id);
    }

    [Fact]
    public async Task Invalid_settings_are_400_with_every_problem_named()
    {
        var researcher = await fixture.ResearcherAsync();
        var settings = new StudyBuilder { Conditions = [new("Bad Key", "", false)], JudgmentsPerTrial = 0 }.Build();

        var response = await researcher.PostAsJsonAsync("/api/studies", settings, ApiClient.Json);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync();
        body.Should().Contain("at least 2 conditions").And.Contain("'Bad Key'").And.Contain("judgments per trial");
        using var problem = JsonDocument.Parse(body);
        problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should()
            .BeEquivalentTo(["conditions", "conditions[0].key", "conditions[0].label", "pairing", "judgmentsPerTrial"], "only what is wrong is named, each at its field");
        problem.RootElement.GetProperty("detail").GetString().Should().NotContain("title").And.NotContain("completion code");
    }

    [Fact]
    public async Task A_study_posted_with_only_what_it_needs_gets_a_completion_code_and_every_trial_per_participant()
    {
        var researcher = await fixture.ResearcherAsync();
        var body = JsonNode.Parse("""
            {"title": "Minimal", "kind": "pairwise", "question": "Which moves better?", "pairing": "allPairs",
             "conditions": [{"key": "simdrop-0.1", "label": "SimDrop 0.1"}, {"key": "Kling-1.6", "label": "Kling"}]}
            """)!;

        var response = await researcher.PostAsJsonAsync("/api/studies", body);

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<CreatedId>(ApiClient.Json))!.Id;
        var created = (await researcher.GetFromJsonAsync<StudyDetails>($"/api/studies/{id}", ApiClient.Json))!.Settings;
        created.CompletionCode.Should().MatchRegex("^[A-Z2-9]{8}$");
        created.TrialsPerParticipant.Should().Be(StudySettings.EveryTrial);

        for (var p = 0; p < 3; p++)
        {
            foreach (var key in new[] { "simdrop-0.1", "Kling-1.6" })
                (await researcher.UploadAsync(id, await TestVideos.ClipAsync(hue: 30 + p * 50 + key.Length), key, $"prompt {p}", task: "")).EnsureSuccessStatusCode();
        }
        (await researcher.WaitForVideosAsync(id)).Should().OnlyContain(v => v.Status == VideoState.Ready);
        (await researcher.PostAsync($"/api/studies/{id}/open", null)).EnsureSuccessStatusCode();

        var opened = (await researcher.GetFromJsonAsync<StudyDetails>($"/api/studies/{id}", ApiClient.Json))!.Settings;
        opened.TrialsPerParticipant.Should().Be(3, "three prompts make three trials of the one pair, and there is no gold");
        var participant = Factory.CreateClient();
        var trial = await participant.NextTrialAsync(await participant.StartSessionAsync(id, "minimal-study-participant"));
        trial.Progress.Should().Be(new Platform.Web.Voting.Progress(0, 3));
    }

    [Fact]
    public async Task A_study_designed_without_judgments_per_trial_gets_k_3_as_documented()
    {
        var researcher = await fixture.ResearcherAsync();
        var body = JsonSerializer.SerializeToNode(new StudyBuilder { JudgmentsPerTrial = 5 }.Build(), ApiClient.Json)!.AsObject();
        body.Remove("judgmentsPerTrial").Should().BeTrue();

        var response = await researcher.PostAsJsonAsync("/api/studies", body);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await response.Content.ReadFromJsonAsync<CreatedId>(ApiClient.Json))!.Id;
        (await researcher.GetFromJsonAsync<StudyDetails>($"/api/studies/{id}", ApiClient.Json))!.Settings.JudgmentsPerTrial.Should().Be(3);
        var openApi = JsonNode.Parse(await Factory.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        openApi["components"]!["schemas"]!["StudySettings"]!["properties"]!["judgmentsPerTrial"]!["default"]!.GetValue<int>().Should().Be(3);
    }

    [Fact]
    public async Task Study_endpoints_need_the_researcher_role()
    {
        var admin = await Factory.AdminAsync();
        await admin.CreateUserAsync("annie@platform.test", "annotator-password", Role.Annotator);
        var annotator = await Factory.SignedInAsync("annie@platform.test", "annotator-password");

        (await annotator.GetAsync("/api/studies")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_study_without_ready_videos_cannot_open_and_says_why()
    {
        var researcher = await fixture.ResearcherAsync();
        var id = await researcher.CreateStudyAsync(new StudyBuilder().Build());

        var response = await researcher.PostAsync($"/api/studies/{id}/open", null);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync()).Should().Contain("No trial can be planned yet");
    }

    [Fact]
    public async Task A_file_that_is_not_a_video_gets_422_and_leaves_nothing_stored()
    {
        var researcher = await fixture.ResearcherAsync();
        var id = await researcher.CreateStudyAsync(new StudyBuilder().Build());
        var notVideo = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.mp4");
        await File.WriteAllTextAsync(notVideo, "this is a text file pretending to be a video");

        var response = await researcher.UploadAsync(id, notVideo, "ours-simdrop", "a dancer spins");

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).Should().Contain("not a video");
        (await researcher.GetFromJsonAsync<List<VideoSummary>>($"/api/studies/{id}/videos", ApiClient.Json)).Should().BeEmpty();
        Directory.EnumerateFiles(Path.Combine(Factory.DataDirectory, "uploads"), "*", SearchOption.AllDirectories).Should().BeEmpty();
        File.Delete(notVideo);
    }

    [Fact]
    public async Task A_video_for_an_unknown_condition_is_refused_before_it_is_stored()
    {
        var researcher = await fixture.ResearcherAsync();
        var id = await researcher.CreateStudyAsync(new StudyBuilder().Build());

        var response = await researcher.UploadAsync(id, await TestVideos.ClipAsync(), "kling", "a dancer spins");

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).Should().Contain("'kling' is not a condition");
    }

    [Fact]
    public async Task An_uploaded_video_becomes_web_playable_h264_served_with_byte_ranges()
    {
        var researcher = await fixture.ResearcherAsync();
        var id = await researcher.CreateStudyAsync(new StudyBuilder().Build());

        var upload = await researcher.UploadAsync(id, await TestVideos.ClipAsync(hue: 200, width: 97, height: 63), "ours-simdrop", "a dancer spins", seed: 7);

        upload.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var video = (await researcher.WaitForVideosAsync(id)).Single();
        video.Status.Should().Be(VideoState.Ready);
        video.Seed.Should().Be(7);
        var details = await researcher.GetFromJsonAsync<StudyDetails>($"/api/studies/{id}", ApiClient.Json);
        details!.Counts.VideosReady.Should().Be(1);

        var anonymous = Factory.CreateClient();
        var poster = await anonymous.GetAsync(video.PosterUrl);
        poster.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
        var mediaId = await MediaIdOfVideoAsync(id);
        var request = new HttpRequestMessage(HttpMethod.Get, $"/media/{mediaId}");
        request.Headers.Range = new RangeHeaderValue(0, 99);
        var partial = await anonymous.SendAsync(request);
        partial.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        partial.Content.Headers.ContentLength.Should().Be(100);
        partial.Headers.AcceptRanges.Should().Contain("bytes");
        partial.Headers.ETag!.Tag.Should().Be($"\"{mediaId}\"", "the ETag is the media's opaque id, not its hash (which would link the same upload across studies)");
        (partial.Content.Headers.LastModified, poster.Content.Headers.LastModified).Should().Be((MediaEndpoint.LastModified, MediaEndpoint.LastModified),
            "when a file was made would group videos by upload batch, and so by condition");
        (await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/media/{mediaId}"))).StatusCode.Should().Be(HttpStatusCode.OK, "link checkers ask with HEAD");
        var missing = await anonymous.GetAsync("/media/AAAAAAAAAAAAAAAAAAAAAAAA");
        (missing.StatusCode, missing.Content.Headers.ContentType?.MediaType).Should().Be((HttpStatusCode.NotFound, "application/problem+json"), "a missing video is a 404, not a sign-in page");
        var whole = await anonymous.GetByteArrayAsync($"/media/{mediaId}");
        var probe = await FFMpegCore.FFProbe.AnalyseAsync(new MemoryStream(whole));
        probe.PrimaryVideoStream!.CodecName.Should().Be("h264");
        probe.PrimaryVideoStream.PixelFormat.Should().Be("yuv420p");
        (probe.PrimaryVideoStream.Width % 2).Should().Be(0, "H.264 in yuv420p needs even dimensions");
        System.Text.Encoding.ASCII.GetString(whole, 0, 64).Should().Contain("moov", "faststart puts the index before the media data");
    }

    [Fact]
    public async Task A_range_request_whose_If_Range_is_stale_gets_the_whole_file()
    {
        var researcher = await fixture.ResearcherAsync();
        var id = await researcher.CreateStudyAsync(new StudyBuilder().Build());
        (await researcher.UploadAsync(id, await TestVideos.ClipAsync(hue: 250), "ours-simdrop", "a dancer bows")).EnsureSuccessStatusCode();
        (await researcher.WaitForVideosAsync(id)).Single().Status.Should().Be(VideoState.Ready);
        var url = $"/media/{await MediaIdOfVideoAsync(id)}";
        var anonymous = Factory.CreateClient();
        var whole = await anonymous.GetByteArrayAsync(url);
        var etag = (await anonymous.GetAsync(url)).Headers.ETag!;

        var current = await anonymous.SendAsync(RangeRequest(url, new RangeConditionHeaderValue(etag)));
        var staleTag = await anonymous.SendAsync(RangeRequest(url, new RangeConditionHeaderValue(new EntityTagHeaderValue("\"an-older-version\""))));
        var staleDate = await anonymous.SendAsync(RangeRequest(url, new RangeConditionHeaderValue(MediaEndpoint.LastModified.AddDays(-1))));

        current.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        (await current.Content.ReadAsByteArrayAsync()).Should().Equal(whole[..100]);
        foreach (var stale in new[] { staleTag, staleDate })
        {
            stale.StatusCode.Should().Be(HttpStatusCode.OK);
            (await stale.Content.ReadAsByteArrayAsync()).Should().Equal(whole);
        }
    }

    private static HttpRequestMessage RangeRequest(string url, RangeConditionHeaderValue ifRange) => new(HttpMethod.Get, url)
    {
        Headers = { Range = new RangeHeaderValue(0, 99), IfRange = ifRange },
    };

    private async Task<string> MediaIdOfVideoAsync(Guid studyId)
    {
        await using var session = Factory.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession();
        var video = await Marten.QueryableExtensions.SingleAsync(session.Query<CandidateVideo>().Where(v => v.StudyId == studyId));
        return video.MediaId!;
    }
}
