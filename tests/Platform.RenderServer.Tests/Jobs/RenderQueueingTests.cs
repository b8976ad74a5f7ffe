using Platform.RenderServer.Tests.Support;

namespace Platform.RenderServer.Tests.Jobs;

public sealed class RenderQueueingTests
{
    [Fact]
    public async Task Five_jobs_on_two_slots_render_two_at_a_time_and_the_rest_wait_queued()
    {
        // Each job holds its slot 3 s: far longer than submitting five and reading their states, even on a busy machine.
        await using var server = await RunningServer.StartAsync(o => (o.Latency, o.MaxConcurrentJobs) = (TimeSpan.FromSeconds(3), 2));

        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await server.SubmitVideoAsync(Videos.Tiny($"job {i}")));
        }
        var statuses = await Task.WhenAll(ids.Select(async id => (await server.GetJsonAsync($"/v1/videos/{id}")).GetProperty("status").GetString()));

        statuses.Count(s => s == "queued").Should().BeGreaterThanOrEqualTo(3);
        foreach (var id in ids)
        {
            await server.WaitForVideoAsync(id, "completed");
        }
        var stats = await Eventually.ReturnsAsync(server.StatsAsync, s => s.GetProperty("running").GetInt32() == 0, "no job running");
        stats.GetProperty("maxConcurrentObserved").GetInt32().Should().Be(2);
        stats.GetProperty("submitted").GetInt32().Should().Be(5);
        stats.GetProperty("rendered").GetInt32().Should().Be(5);
        stats.GetProperty("busySeconds").GetDouble().Should().BeGreaterThanOrEqualTo(3, "the latency runs from submission, so at least the first jobs held their slots 3 s");
    }

    [Fact]
    public async Task Progress_rises_while_rendering_and_is_100_only_when_completed()
    {
        // 3 s of latency: several polls fall inside the render even when ffmpeg is slow to report its first frames.
        await using var server = await RunningServer.StartAsync(o => o.Latency = TimeSpan.FromSeconds(3));
        var id = await server.SubmitVideoAsync();

        var seen = new List<(string Status, int Progress)>();
        JsonElement video;
        do
        {
            video = await server.GetJsonAsync($"/v1/videos/{id}");
            seen.Add((video.GetProperty("status").GetString()!, video.GetProperty("progress").GetInt32()));
            await Task.Delay(100);
        }
        while (video.GetProperty("status").GetString() != "completed");

        seen.Select(s => s.Progress).Should().BeInAscendingOrder();
        seen.Where(s => s.Status == "in_progress").Select(s => s.Progress).Should().Contain(p => p > 0 && p < 100);
        seen.Where(s => s.Status != "completed").Should().OnlyContain(s => s.Progress < 100);
    }

    [Fact]
    public async Task Resetting_the_stats_zeroes_the_counters()
    {
        await using var server = await RunningServer.StartAsync(o => o.Latency = TimeSpan.Zero);
        await server.DownloadVideoAsync(await server.SubmitVideoAsync());

        using var reset = await server.Client.PostAsync("/admin/stats/reset", null);

        reset.StatusCode.Should().Be(HttpStatusCode.OK);
        var stats = await server.StatsAsync();
        stats.GetProperty("submitted").GetInt32().Should().Be(0);
        stats.GetProperty("rendered").GetInt32().Should().Be(0);
        stats.GetProperty("maxConcurrentObserved").GetInt32().Should().Be(0);
        stats.GetProperty("busySeconds").GetDouble().Should().Be(0);
    }
}
