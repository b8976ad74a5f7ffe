using Platform.RenderServer.Tests.Support;

namespace Platform.RenderServer.Tests.Faults;

public sealed class FaultTests
{
    [Fact]
    public async Task An_error_rate_of_one_fails_every_job_with_a_readable_reason()
    {
        await using var server = await RunningServer.StartAsync();
        await server.SetFaultsAsync(new { errorRate = 1.0 });
        var promptId = Guid.NewGuid().ToString();

        var id = await server.SubmitVideoAsync();
        await server.PostJsonAsync("/prompt", Workflows.Request(Workflows.HunyuanTextToVideo("a storm at sea"), promptId));

        var video = await server.WaitForVideoAsync(id, "failed", "completed");
        video.GetProperty("status").GetString().Should().Be("failed");
        video.GetProperty("error").GetProperty("code").GetString().Should().NotBeNullOrWhiteSpace();
        video.GetProperty("error").GetProperty("message").GetString().Should().Contain("out of memory");
        (await server.Client.GetAsync($"/v1/videos/{id}/content")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var entry = await server.WaitForHistoryAsync(promptId);
        entry.GetProperty("outputs").EnumerateObject().Should().BeEmpty();
        entry.GetProperty("status").GetProperty("status_str").GetString().Should().Be("error");
        entry.GetProperty("status").GetProperty("completed").GetBoolean().Should().BeFalse();
        var message = entry.GetProperty("status").GetProperty("messages")[0];
        message[0].GetString().Should().Be("execution_error");
        message[1].GetProperty("exception_message").GetString().Should().Contain("out of memory");
        (await server.StatsAsync()).GetProperty("failed").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task Rejecting_with_429_sends_retry_after_and_only_for_the_next_submissions()
    {
        await using var server = await RunningServer.StartAsync();
        await server.SetFaultsAsync(new { rejectNext = 1, rejectStatus = 429, retryAfterSeconds = 7 });

        using var refused = await server.Client.PostAsJsonAsync("/v1/videos", Videos.Tiny("a lighthouse"));
        using var accepted = await server.Client.PostAsJsonAsync("/v1/videos", Videos.Tiny("a lighthouse"));

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(7));
        accepted.StatusCode.Should().Be(HttpStatusCode.Created);
        (await server.StatsAsync()).GetProperty("submitted").GetInt32().Should().Be(1);
    }

    [Theory]
    [InlineData(503, "queue full")]
    [InlineData(409, "busy")]
    [InlineData(429, "too many requests")]
    public async Task Rejections_answer_both_protocols_with_the_chosen_status(int rejectStatus, string text)
    {
        await using var server = await RunningServer.StartAsync();
        await server.SetFaultsAsync(new { rejectNext = 2, rejectStatus });

        using var openAi = await server.Client.PostAsJsonAsync("/v1/videos", Videos.Tiny("a lighthouse"));
        using var comfy = await server.Client.PostAsJsonAsync("/prompt", Workflows.Request(Workflows.HunyuanTextToVideo("a lighthouse")));

        foreach (var response in new[] { openAi, comfy })
        {
            ((int)response.StatusCode).Should().Be(rejectStatus);
            (await response.Content.ReadAsStringAsync()).Should().Be(text);
            response.Headers.RetryAfter.Should().BeNull();
        }
        (await server.GetJsonAsync("/admin/faults")).GetProperty("rejectNext").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task A_hanging_job_stays_in_progress_until_cancelled()
    {
        await using var server = await RunningServer.StartAsync(o => o.Latency = TimeSpan.FromMilliseconds(100));
        await server.SetFaultsAsync(new { hang = true });

        var id = await server.SubmitVideoAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));

        var video = await server.GetJsonAsync($"/v1/videos/{id}");
        video.GetProperty("status").GetString().Should().Be("in_progress");
        video.GetProperty("progress").GetInt32().Should().BeLessThan(100);
        (await server.Client.DeleteAsync($"/v1/videos/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await server.GetJsonAsync($"/v1/videos/{id}")).GetProperty("status").GetString().Should().Be("cancelled");
    }

    [Fact]
    public async Task Truncated_downloads_deliver_fewer_bytes_than_their_content_length()
    {
        await using var server = await RunningServer.StartAsync();
        var id = await server.SubmitVideoAsync();
        var promptId = Guid.NewGuid().ToString();
        await server.PostJsonAsync("/prompt", Workflows.Request(Workflows.HunyuanTextToVideo("a windmill"), promptId));
        await server.WaitForVideoAsync(id, "completed");
        var file = (await server.WaitForHistoryAsync(promptId)).GetProperty("outputs").GetProperty("9").GetProperty("gifs")[0].GetProperty("filename").GetString();
        await server.SetFaultsAsync(new { truncateContent = true });

        foreach (var path in new[] { $"/v1/videos/{id}/content", $"/view?filename={file}&subfolder=&type=output" })
        {
            var (announced, received, broke) = await DownloadAsync(server.Client, path);
            announced.Should().BeGreaterThan(0);
            received.Should().BeLessThan(announced, path);
            broke.Should().BeTrue("the connection is aborted mid-body");
        }
    }

    [Fact]
    public async Task A_restart_forgets_every_job()
    {
        await using var server = await RunningServer.StartAsync();
        var id = await server.SubmitVideoAsync();
        var promptId = Guid.NewGuid().ToString();
        var request = Workflows.Request(Workflows.HunyuanTextToVideo("a city at night"), promptId);
        await server.PostJsonAsync("/prompt", request);
        await server.WaitForVideoAsync(id, "completed");
        await server.WaitForHistoryAsync(promptId);

        (await server.Client.PostAsync("/admin/restart", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await server.Client.GetAsync($"/v1/videos/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await server.Client.GetAsync($"/v1/videos/{id}/content")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await server.GetJsonAsync($"/history/{promptId}")).EnumerateObject().Should().BeEmpty();
        await server.PostJsonAsync("/prompt", request);
        (await server.StatsAsync()).GetProperty("submitted").GetInt32().Should().Be(3, "a forgotten prompt_id is a new job");
    }

    [Fact]
    public async Task Faults_can_be_read_back_and_reset()
    {
        await using var server = await RunningServer.StartAsync();
        await server.SetFaultsAsync(new { errorRate = 0.5, rejectNext = 3, rejectStatus = 409, retryAfterSeconds = 2, hang = true, truncateContent = true });

        var set = await server.GetJsonAsync("/admin/faults");
        (await server.Client.DeleteAsync("/admin/faults")).StatusCode.Should().Be(HttpStatusCode.OK);
        var reset = await server.GetJsonAsync("/admin/faults");
        using var invalid = await server.Client.PutAsJsonAsync("/admin/faults", new { errorRate = 2 });

        set.GetRawText().Should().Be("""{"errorRate":0.5,"rejectNext":3,"rejectStatus":409,"retryAfterSeconds":2,"hang":true,"truncateContent":true}""");
        reset.GetProperty("errorRate").GetDouble().Should().Be(0);
        reset.GetProperty("rejectNext").GetInt32().Should().Be(0);
        reset.GetProperty("hang").GetBoolean().Should().BeFalse();
        reset.GetProperty("truncateContent").GetBoolean().Should().BeFalse();
        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    private static async Task<(long Announced, long Received, bool Broke)> DownloadAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var announced = response.Content.Headers.ContentLength ?? -1;
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[4096];
        long received = 0;
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                received += read;
            }
            return (announced, received, false);
        }
        catch (HttpRequestException)
        {
            return (announced, received, true);
        }
        catch (IOException)
        {
            return (announced, received, true);
        }
    }
}
