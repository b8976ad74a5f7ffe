using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Platform.Voting;
using Platform.Web.Voting;

namespace Platform.Testing;

/// <summary>
/// Participants answering one study through the API at the same time: each starts a session, fetches its trial and
/// answers it until the session is finished, then a new participant takes the seat. What the platform could not take
/// (503, a dropped connection) is sent again, the same request with the same answer, after its Retry-After (at most
/// <see cref="MaxWait"/>, to keep tests short); every other refusal ends that participant. Every answer the platform
/// acknowledged (200 or 201) is kept, with a decision time unique within its session to find it by in the export.
/// </summary>
public sealed class ParticipantCrowd : IAsyncDisposable
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(2);

    /// <param name="ClientDecisionMs">Different for each answer of a participant, so the export's row of each is known.</param>
    public sealed record Answer(string Participant, Guid TrialId, string Choice, int ClientDecisionMs);

    /// <summary>A response other than 2xx, with its Retry-After header (null when it had none).</summary>
    public sealed record Refusal(string Request, HttpStatusCode Status, TimeSpan? RetryAfter, string Body);

    private readonly HttpClient _client;
    private readonly Guid _studyId;
    private readonly string _name;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<Answer> _acknowledged = new();
    private readonly ConcurrentQueue<Refusal> _refusals = new();
    private readonly Task[] _seats;
    private int _dropped;

    private ParticipantCrowd(Uri platform, Guid studyId, int seats, string name)
    {
        _client = new HttpClient { BaseAddress = platform, Timeout = TimeSpan.FromSeconds(30) };
        _studyId = studyId;
        _name = name;
        _seats = [.. Enumerable.Range(0, seats).Select(seat => Task.Run(() => SeatAsync(seat)))];
    }

    public IReadOnlyCollection<Answer> Acknowledged => _acknowledged;

    public IReadOnlyCollection<Refusal> Refusals => _refusals;

    /// <summary>Requests that got no response at all (connection refused or cut, timed out); each was sent again.</summary>
    public int DroppedConnections => _dropped;

    /// <param name="name">Starts every participant id, so crowds on one study do not meet.</param>
    public static ParticipantCrowd Start(Uri platform, Guid studyId, int seats, string name) => new(platform, studyId, seats, name);

    /// <summary>Waits until the platform has acknowledged at least this many answers in all.</summary>
    public async Task WaitForAcknowledgedAsync(int count, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (_acknowledged.Count < count)
        {
            if (waited.Elapsed > timeout || _seats.All(s => s.IsCompleted))
            {
                throw new TimeoutException($"{_acknowledged.Count} of {count} answers acknowledged after {waited.Elapsed.TotalSeconds:0} s; " +
                    $"{_dropped} dropped connections; refusals: {string.Join("; ", _refusals.TakeLast(5))}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Stops every participant (a request in flight is abandoned, its answer not counted) and waits for them.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_seats);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _client.Dispose();
        _stop.Dispose();
    }

    private async Task SeatAsync(int seat)
    {
        var random = new Random(seat);
        try
        {
            for (var n = 0; ; n++)
            {
                if (!await ParticipateAsync($"{_name}-{seat}-{n}", random)) return;
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    /// <returns>Whether the session finished (false: a refusal ended it).</returns>
    private async Task<bool> ParticipateAsync(string participant, Random random)
    {
        using var started = await SendAsync(HttpMethod.Post, $"/api/studies/{_studyId}/sessions", new StartSession(participant, "prolific"));
        if (!started.IsSuccessStatusCode) return false;
        var token = (await started.Content.ReadFromJsonAsync<SessionToken>(ApiClient.Json))!.Token;
        var answers = new Dictionary<Guid, JudgmentRequest>();
        while (true)
        {
            using var next = await SendAsync(HttpMethod.Get, $"/api/sessions/{token}/next");
            if (next.StatusCode == HttpStatusCode.NoContent) return true;
            if (!next.IsSuccessStatusCode) return false;
            var trial = (await next.Content.ReadFromJsonAsync<TrialResponse>(ApiClient.Json))!;
            // The same trial again (its answer was not acknowledged) gets the same answer again.
            if (!answers.TryGetValue(trial.TrialId, out var answer))
            {
                var choice = Choices.Name(trial.Choices[random.Next(trial.Choices.Count)]);
                answers[trial.TrialId] = answer = new JudgmentRequest(trial.TrialId, choice, 1000 + answers.Count);
            }
            using var answered = await SendAsync(HttpMethod.Post, $"/api/sessions/{token}/judgments", answer);
            if (!answered.IsSuccessStatusCode) return false;
            _acknowledged.Enqueue(new Answer(participant, trial.TrialId, answer.Choice!, answer.DecisionMs!.Value));
        }
    }

    /// <summary>Sends until the platform answers something other than 503; the response's body is read by then.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null)
    {
        while (true)
        {
            HttpResponseMessage response;
            try
            {
                using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, options: ApiClient.Json) };
                response = await _client.SendAsync(request, _stop.Token);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !_stop.IsCancellationRequested)
            {
                Interlocked.Increment(ref _dropped);
                await Task.Delay(250, _stop.Token);
                continue;
            }
            if (response.IsSuccessStatusCode) return response;
            var refusal = new Refusal($"{method} {path}", response.StatusCode, response.Headers.RetryAfter?.Delta, await response.Content.ReadAsStringAsync());
            _refusals.Enqueue(refusal);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable) return response;
            response.Dispose();
            var wait = refusal.RetryAfter ?? MaxWait;
            await Task.Delay(wait < MaxWait ? wait : MaxWait, _stop.Token);
        }
    }
}
