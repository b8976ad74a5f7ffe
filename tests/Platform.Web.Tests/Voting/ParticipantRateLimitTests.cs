using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using System.Text;
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
        // Its body does not arrive until released: the endpoint, reading it, holds the one permit meanwhile.
        var body = new HeldBody($"{{\"trialId\":\"{Guid.NewGuid()}\",\"choice\":\"left\",\"decisionMs\":1000}}");
        var holding = participant.PostAsync("/api/sessions/no-such-session/judgments", body);
        var refusals = new List<HttpResponseMessage>();
        for (var i = 0; i < 100 && refusals.Count == 0; i++)
        {
            var probe = await participant.GetAsync("/api/sessions/no-such-session/next");
            if (probe.StatusCode != HttpStatusCode.NotFound) refusals.Add(probe);
            else await Task.Delay(50);
        }
        body.Release();
        var held = await holding;
        var afterwards = await participant.GetAsync("/api/sessions/no-such-session/next");

        refusals.Should().ContainSingle().Which.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        refusals[0].Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        refusals[0].Headers.RetryAfter!.Delta!.Value.Should().BePositive();
        held.StatusCode.Should().Be(HttpStatusCode.NotFound, "the request in flight went through");
        afterwards.StatusCode.Should().Be(HttpStatusCode.NotFound, "its permit came back");
    }

    /// <summary>JSON that starts at once and ends only when released.</summary>
    private sealed class HeldBody : HttpContent
    {
        private readonly string _json;
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

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
            await _released.Task;
            await stream.WriteAsync(Encoding.UTF8.GetBytes(_json[1..]));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
