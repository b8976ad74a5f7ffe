using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Platform.Testing;

namespace Platform.Tests.Voting;

public sealed class ParticipantRateLimitTests
{
    [Fact]
    public async Task A_client_over_the_participant_limit_is_refused_with_a_problem_and_when_to_retry()
    {
        await using var factory = new PlatformFactory(await TestDatabase.CreateAsync("participantlimit"),
            new Dictionary<string, string?> { ["Voting:RequestsPerClientPerMinute"] = "3" });
        var participant = factory.CreateClient();
        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            allowed.Add((await participant.GetAsync("/api/sessions/no-such-session/next")).StatusCode);

        var refused = await participant.GetAsync("/api/sessions/no-such-session/next");

        allowed.Should().NotContain(HttpStatusCode.TooManyRequests);
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        refused.Headers.RetryAfter!.Delta!.Value.Should().BePositive();
    }

    [Fact]
    public async Task Beyond_the_requests_in_flight_and_the_queue_a_participant_is_told_with_503_to_come_back()
    {
        await using var factory = new PlatformFactory(await TestDatabase.CreateAsync("participantload"),
            new Dictionary<string, string?> { ["Voting:MaxConcurrentRequests"] = "1", ["Voting:MaxQueuedRequests"] = "0" });
        // Over a real socket: the test server's clients send a request only once its body is complete.
        factory.UseKestrel(0);
        factory.StartServer();
        using var participant = new HttpClient { BaseAddress = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        // Its body does not arrive until released: the endpoint, reading it, holds the one permit meanwhile. Should a
        // probe have held the permit just when it arrived, it is turned away itself (and its connection reset): again.
        HeldBody body;
        Task<HttpResponseMessage> holding;
        HttpResponseMessage? refused = null;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            body = new HeldBody($"{{\"trialId\":\"{Guid.NewGuid()}\",\"choice\":\"left\",\"decisionMs\":1000}}");
            holding = participant.PostAsync("/api/sessions/no-such-session/judgments", body);
            await body.Started;
            while (refused is null && !holding.IsCompleted && DateTime.UtcNow < deadline)
            {
                var probe = await participant.GetAsync("/api/sessions/no-such-session/next");
                if (probe.StatusCode != HttpStatusCode.NotFound) refused = probe;
                else await Task.Delay(50);
            }
        }
        while (refused is null && DateTime.UtcNow < deadline);
        body.Release();
        var held = await holding;
        var afterwards = await participant.GetAsync("/api/sessions/no-such-session/next");

        refused.Should().NotBeNull("a request beyond the one in flight is refused").And.Subject.As<HttpResponseMessage>().StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        refused!.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        refused.Headers.RetryAfter!.Delta!.Value.Should().BePositive();
        held.StatusCode.Should().Be(HttpStatusCode.NotFound, "the request in flight went through");
        afterwards.StatusCode.Should().Be(HttpStatusCode.NotFound, "its permit came back");
    }

    /// <summary>
    /// JSON that starts at once and ends only when released; meanwhile it sends whitespace (valid between JSON
    /// tokens), fast enough that Kestrel's minimum body data rate never ends the request on a slow machine.
    /// </summary>
    private sealed class HeldBody : HttpContent
    {
        private readonly string _json;
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The request's head and first byte are on the wire.</summary>
        public Task Started => _started.Task;

        public HeldBody(string json)
        {
            _json = json;
            Headers.ContentType = new("application/json");
        }

        public void Release() => _released.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(_json[..1]));
            await stream.FlushAsync();
            _started.TrySetResult();
            var padding = Encoding.UTF8.GetBytes(new string(' ', 100));
            while (!_released.Task.IsCompleted)
            {
                await Task.WhenAny(_released.Task, Task.Delay(100));
                await stream.WriteAsync(padding);
                await stream.FlushAsync();
            }
            await stream.WriteAsync(Encoding.UTF8.GetBytes(_json[1..]));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
