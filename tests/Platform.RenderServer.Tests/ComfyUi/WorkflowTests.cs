using System.Text.Json.Nodes;
using Platform.RenderServer.Tests.Support;

namespace Platform.RenderServer.Tests.ComfyUi;

public sealed class WorkflowTests
{
    [Fact]
    public async Task A_hunyuan_workflow_renders_and_history_points_to_the_video_that_view_serves()
    {
        await using var server = await RunningServer.StartAsync();
        var promptId = Guid.NewGuid().ToString();

        var (status, queued) = await server.PostJsonAsync("/prompt", Workflows.Request(Workflows.HunyuanTextToVideo("a dancer spins on a beach"), promptId));

        status.Should().Be(HttpStatusCode.OK);
        queued.GetProperty("prompt_id").GetString().Should().Be(promptId);
        queued.GetProperty("number").ValueKind.Should().Be(JsonValueKind.Number);
        queued.GetProperty("node_errors").EnumerateObject().Should().BeEmpty();
        (await server.GetJsonAsync($"/history/{promptId}")).EnumerateObject().Should().BeEmpty("it is still rendering");

        var entry = await server.WaitForHistoryAsync(promptId);

        entry.GetProperty("prompt")[0].GetInt32().Should().Be(queued.GetProperty("number").GetInt32());
        entry.GetProperty("prompt")[1].GetString().Should().Be(promptId);
        entry.GetProperty("prompt")[2].GetProperty("9").GetProperty("class_type").GetString().Should().Be("VHS_VideoCombine");
        entry.GetProperty("prompt")[4][0].GetString().Should().Be("9");
        var outcome = entry.GetProperty("status");
        outcome.GetProperty("status_str").GetString().Should().Be("success");
        outcome.GetProperty("completed").GetBoolean().Should().BeTrue();
        var gif = entry.GetProperty("outputs").GetProperty("9").GetProperty("gifs")[0];
        gif.GetProperty("filename").GetString().Should().StartWith("HunyuanVideo_").And.EndWith(".mp4");
        gif.GetProperty("subfolder").GetString().Should().BeEmpty();
        gif.GetProperty("type").GetString().Should().Be("output");
        gif.GetProperty("format").GetString().Should().Be("video/h264-mp4");
        gif.GetProperty("frame_rate").GetInt32().Should().Be(8);

        using var view = await server.Client.GetAsync($"/view?filename={gif.GetProperty("filename").GetString()}&subfolder=&type=output");
        view.StatusCode.Should().Be(HttpStatusCode.OK);
        view.Content.Headers.ContentType!.MediaType.Should().Be("video/mp4");
        (await Ffprobe.VideoTrackAsync(await view.Content.ReadAsByteArrayAsync())).Should().Be(new VideoTrack("h264", 64, 48, "yuv420p", 9));
    }

    [Fact]
    public async Task Posting_the_same_prompt_id_again_returns_the_same_job_without_rendering_twice()
    {
        await using var server = await RunningServer.StartAsync();
        var promptId = Guid.NewGuid().ToString();
        var request = Workflows.Request(Workflows.HunyuanTextToVideo("a heron lands on a lake"), promptId);

        var first = await server.PostJsonAsync("/prompt", request);
        var whileRunning = await server.PostJsonAsync("/prompt", request);
        await server.WaitForHistoryAsync(promptId);
        var afterwards = await server.PostJsonAsync("/prompt", request);

        foreach (var (status, body) in new[] { whileRunning, afterwards })
        {
            status.Should().Be(HttpStatusCode.OK);
            body.GetProperty("prompt_id").GetString().Should().Be(promptId);
            body.GetProperty("number").GetInt32().Should().Be(first.Body.GetProperty("number").GetInt32());
        }
        var stats = await server.StatsAsync();
        stats.GetProperty("submitted").GetInt32().Should().Be(1);
        stats.GetProperty("rendered").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task A_graph_without_prompt_text_is_refused_with_prompt_no_outputs()
    {
        await using var server = await RunningServer.StartAsync();
        var graph = new JsonObject { ["3"] = new JsonObject { ["class_type"] = "KSampler", ["inputs"] = new JsonObject { ["seed"] = 1 } } };

        var (status, body) = await server.PostJsonAsync("/prompt", new JsonObject { ["prompt"] = graph });

        status.Should().Be(HttpStatusCode.BadRequest);
        body.GetProperty("error").GetProperty("type").GetString().Should().Be("prompt_no_outputs");
        body.GetProperty("error").GetProperty("message").GetString().Should().NotBeNullOrWhiteSpace();
        body.GetProperty("node_errors").EnumerateObject().Should().BeEmpty();
    }

    [Fact]
    public async Task The_queue_lists_jobs_and_deleting_or_interrupting_cancels_them()
    {
        await using var server = await RunningServer.StartAsync(o => (o.Latency, o.MaxConcurrentJobs) = (TimeSpan.FromSeconds(5), 1));
        var running = Guid.NewGuid().ToString();
        var pending = Guid.NewGuid().ToString();
        await server.PostJsonAsync("/prompt", Workflows.Request(Workflows.HunyuanTextToVideo("first"), running));
        await server.PostJsonAsync("/prompt", Workflows.Request(Workflows.HunyuanTextToVideo("second"), pending));

        var queue = await Eventually.ReturnsAsync(() => server.GetJsonAsync("/queue"), q => q.GetProperty("queue_running").GetArrayLength() == 1, "one prompt running");
        queue.GetProperty("queue_running")[0][1].GetString().Should().Be(running);
        queue.GetProperty("queue_pending")[0][1].GetString().Should().Be(pending);

        (await server.Client.PostAsJsonAsync("/queue", new { delete = new[] { pending } })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await server.Client.PostAsync("/interrupt", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        foreach (var promptId in new[] { running, pending })
        {
            var entry = await server.WaitForHistoryAsync(promptId);
            entry.GetProperty("status").GetProperty("status_str").GetString().Should().Be("error");
            entry.GetProperty("status").GetProperty("messages")[0][0].GetString().Should().Be("execution_interrupted");
            entry.GetProperty("outputs").EnumerateObject().Should().BeEmpty();
        }
        (await server.GetJsonAsync("/queue")).GetProperty("queue_pending").GetArrayLength().Should().Be(0);
        (await server.StatsAsync()).GetProperty("cancelled").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task System_stats_answers_as_a_health_probe_and_unknown_things_are_empty_or_missing()
    {
        await using var server = await RunningServer.StartAsync();

        var stats = await server.GetJsonAsync("/system_stats");

        stats.GetProperty("system").GetProperty("comfyui_version").GetString().Should().Be("reference");
        stats.GetProperty("devices").GetArrayLength().Should().Be(0);
        (await server.GetJsonAsync($"/history/{Guid.NewGuid()}")).EnumerateObject().Should().BeEmpty();
        (await server.Client.GetAsync("/view?filename=missing.mp4&subfolder=&type=output")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await server.Client.GetAsync("/view?filename=..%2F..%2Fetc%2Fpasswd&type=output")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await server.Client.GetStringAsync("/health")).Should().Be("ok");
    }
}
