using Platform.RenderServer.Tests.Support;

namespace Platform.RenderServer.Tests.OpenAiVideos;

public sealed class VideoJobTests
{
    [Fact]
    public async Task Submitted_video_is_queued_then_completes_with_an_mp4_of_the_requested_size()
    {
        await using var server = await RunningServer.StartAsync();

        var (status, created) = await server.PostJsonAsync("/v1/videos", Videos.Tiny("a red fox runs through snow").With("model", "wan-2.1"));

        status.Should().Be(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        id.Should().MatchRegex("^video_[0-9a-f]{32}$");
        created.GetProperty("object").GetString().Should().Be("video");
        created.GetProperty("status").GetString().Should().Be("queued");
        created.GetProperty("progress").GetInt32().Should().Be(0);
        created.GetProperty("created_at").GetInt64().Should().BeCloseTo(DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 5);
        created.GetProperty("model").GetString().Should().Be("wan-2.1");
        created.GetProperty("size").GetString().Should().Be("64x48");
        created.GetProperty("seconds").GetString().Should().Be("1");
        (await server.Client.GetAsync($"/v1/videos/{id}/content")).StatusCode.Should().Be(HttpStatusCode.NotFound, "it is still rendering");

        var done = await server.WaitForVideoAsync(id, "completed");
        done.GetProperty("progress").GetInt32().Should().Be(100);
        done.GetProperty("completed_at").GetInt64().Should().BeGreaterThanOrEqualTo(created.GetProperty("created_at").GetInt64());

        using var content = await server.Client.GetAsync($"/v1/videos/{id}/content");
        content.StatusCode.Should().Be(HttpStatusCode.OK);
        content.Content.Headers.ContentType!.MediaType.Should().Be("video/mp4");
        var bytes = await content.Content.ReadAsByteArrayAsync();
        content.Content.Headers.ContentLength.Should().Be(bytes.Length);
        (await Ffprobe.VideoTrackAsync(bytes)).Should().Be(new VideoTrack("h264", 64, 48, "yuv420p", 8));
    }

    [Fact]
    public async Task Multipart_form_fields_are_accepted_as_vllm_omni_sends_them()
    {
        await using var server = await RunningServer.StartAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("a sailing boat at dusk"), "prompt" },
            { new StringContent("96x64"), "size" },
            { new StringContent("5"), "num_frames" },
            { new StringContent("8"), "fps" },
            { new StringContent("7.5"), "guidance_scale" },
            { new StringContent("ignored"), "some_future_field" },
        };

        using var response = await server.Client.PostAsync("/v1/videos", form);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        (await Ffprobe.VideoTrackAsync(await server.DownloadVideoAsync(id))).Should().Be(new VideoTrack("h264", 96, 64, "yuv420p", 5));
    }

    [Fact]
    public async Task A_repeated_idempotency_key_returns_the_first_job_instead_of_a_new_one()
    {
        await using var server = await RunningServer.StartAsync();

        var first = await SubmitWithKeyAsync(server, "order-42");
        var second = await SubmitWithKeyAsync(server, "order-42");
        var other = await SubmitWithKeyAsync(server, "order-43");

        first.Status.Should().Be(HttpStatusCode.Created);
        second.Status.Should().Be(HttpStatusCode.OK);
        second.Id.Should().Be(first.Id);
        other.Status.Should().Be(HttpStatusCode.Created);
        other.Id.Should().NotBe(first.Id);
        (await server.StatsAsync()).GetProperty("submitted").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task A_request_without_prompt_or_with_a_bad_size_is_an_invalid_request_error()
    {
        await using var server = await RunningServer.StartAsync();

        var noPrompt = await server.PostJsonAsync("/v1/videos", new { model = "reference-render", size = "64x48" });
        var badSize = await server.PostJsonAsync("/v1/videos", new { prompt = "a cat", size = "large" });

        foreach (var (status, body) in new[] { noPrompt, badSize })
        {
            status.Should().Be(HttpStatusCode.BadRequest);
            body.GetProperty("error").GetProperty("type").GetString().Should().Be("invalid_request_error");
            body.GetProperty("error").GetProperty("message").GetString().Should().NotBeNullOrWhiteSpace();
        }
        (await server.StatsAsync()).GetProperty("submitted").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task An_unknown_id_is_not_found_everywhere()
    {
        await using var server = await RunningServer.StartAsync();

        foreach (var request in new[]
        {
            new HttpRequestMessage(HttpMethod.Get, "/v1/videos/video_missing"),
            new HttpRequestMessage(HttpMethod.Get, "/v1/videos/video_missing/content"),
            new HttpRequestMessage(HttpMethod.Delete, "/v1/videos/video_missing"),
        })
        {
            using var response = await server.Client.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("type").GetString().Should().Be("not_found");
            request.Dispose();
        }
    }

    [Fact]
    public async Task Deleting_a_running_video_cancels_it()
    {
        await using var server = await RunningServer.StartAsync(o => o.Latency = TimeSpan.FromSeconds(5));
        var id = await server.SubmitVideoAsync();
        await server.WaitForVideoAsync(id, "in_progress");

        using var deleted = await server.Client.DeleteAsync($"/v1/videos/{id}");

        deleted.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await deleted.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("id").GetString().Should().Be(id);
        body.GetProperty("object").GetString().Should().Be("video.deleted");
        body.GetProperty("deleted").GetBoolean().Should().BeTrue();
        (await server.GetJsonAsync($"/v1/videos/{id}")).GetProperty("status").GetString().Should().Be("cancelled");
        (await server.Client.GetAsync($"/v1/videos/{id}/content")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var stats = await Eventually.ReturnsAsync(server.StatsAsync, s => s.GetProperty("running").GetInt32() == 0, "no job running");
        stats.GetProperty("cancelled").GetInt32().Should().Be(1);
        stats.GetProperty("rendered").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task Deleting_a_finished_video_removes_it()
    {
        await using var server = await RunningServer.StartAsync();
        var id = await server.SubmitVideoAsync();
        await server.WaitForVideoAsync(id, "completed");

        (await server.Client.DeleteAsync($"/v1/videos/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await server.Client.GetAsync($"/v1/videos/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Models_lists_the_reference_models_and_the_configured_ones()
    {
        await using var server = await RunningServer.StartAsync(null, "--Render:Models:0=wan-2.1", "--Render:Models:1=hunyuan-video");

        var models = await server.GetJsonAsync("/v1/models");

        models.GetProperty("object").GetString().Should().Be("list");
        models.GetProperty("data").EnumerateArray().Select(m => (m.GetProperty("id").GetString(), m.GetProperty("object").GetString()))
            .Should().Equal(("reference-render", "model"), ("reference-scene", "model"), ("reference-scene-unstable", "model"), ("wan-2.1", "model"), ("hunyuan-video", "model"));
    }

    private static async Task<(HttpStatusCode Status, string Id)> SubmitWithKeyAsync(RunningServer server, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/videos") { Content = JsonContent.Create(Videos.Tiny("a kite in the wind")) };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await server.Client.SendAsync(request);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
    }
}
