using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Benchmarks;

/// <summary>A trial as the participants' API sends it; only what an answer needs.</summary>
public sealed record OfferedTrial(Guid TrialId, IReadOnlyList<string> Choices);

public enum NextOutcome { Trial, Finished, Failed }

/// <summary>
/// The participant's three calls of the public API, each attempt timed into the recorder. A 429 or 503 is retried
/// after its Retry-After (one second when it gives none), as a well-behaved client would; every attempt is recorded,
/// so the refusals show in the report. Private DTOs, not the host's types: the harness holds the API to its contract.
/// </summary>
public sealed class VoterCalls(HttpClient http, LoadRecorder recorder, Guid studyId, CancellationToken stopping)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record StartSession(string ParticipantId, string Source);

    private sealed record SessionToken(string Token);

    private sealed record Judgment(Guid TrialId, string Choice, int DecisionMs);

    /// <param name="scheduled">Open loop: when this step was due; its first request is timed from then.</param>
    public async Task<string?> StartSessionAsync(string participantId, long? scheduled = null)
    {
        using var response = await SendAsync(LoadRecorder.Sessions, () => new(HttpMethod.Post, $"/api/studies/{studyId}/sessions")
        {
            Content = JsonContent.Create(new StartSession(participantId, "prolific"), options: Json),
        }, scheduled);
        return response is { IsSuccessStatusCode: true } ? (await response.Content.ReadFromJsonAsync<SessionToken>(Json))?.Token : null;
    }

    public async Task<(NextOutcome Outcome, OfferedTrial? Trial)> NextAsync(string token, long? scheduled = null)
    {
        using var response = await SendAsync(LoadRecorder.Next, () => new(HttpMethod.Get, $"/api/sessions/{token}/next"), scheduled);
        return response?.StatusCode switch
        {
            HttpStatusCode.OK => (NextOutcome.Trial, await response.Content.ReadFromJsonAsync<OfferedTrial>(Json)),
            HttpStatusCode.NoContent => (NextOutcome.Finished, null),
            _ => (NextOutcome.Failed, null),
        };
    }

    /// <summary>A random allowed answer, no think time (the decision time sent is made up). True when acknowledged.</summary>
    public async Task<bool> JudgeAsync(string token, OfferedTrial trial)
    {
        var choice = trial.Choices[Random.Shared.Next(trial.Choices.Count)];
        var body = new Judgment(trial.TrialId, choice, 800 + Random.Shared.Next(4000));
        using var response = await SendAsync(LoadRecorder.Judgments, () => new(HttpMethod.Post, $"/api/sessions/{token}/judgments")
        {
            Content = JsonContent.Create(body, options: Json),
        });
        return response is { StatusCode: HttpStatusCode.Created or HttpStatusCode.OK };
    }

    /// <returns>The last response (its body read), or null after a transport error or when the run stopped while waiting to retry.</returns>
    private async Task<HttpResponseMessage?> SendAsync(string endpoint, Func<HttpRequestMessage> request, long? scheduled = null)
    {
        while (true)
        {
            var start = scheduled ?? Stopwatch.GetTimestamp();
            scheduled = null;
            HttpResponseMessage response;
            try
            {
                using var message = request();
                // The load's own end does not cut a request short: it would count as an error of the platform.
                response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, CancellationToken.None);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                var error = e is TaskCanceledException ? $"no answer within {http.Timeout.TotalSeconds:0} s" : e.InnerException?.Message ?? e.Message;
                recorder.Add(new Sample(endpoint, 0, start, Stopwatch.GetTimestamp(), error));
                return null;
            }
            recorder.Add(new Sample(endpoint, (int)response.StatusCode, start, Stopwatch.GetTimestamp()));
            if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)) return response;

            var wait = response.Headers.RetryAfter is { } after ? after.Delta ?? after.Date - DateTimeOffset.UtcNow : null;
            response.Dispose();
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Clamp(wait?.TotalSeconds ?? 1, 0, 30)), stopping);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }
    }
}
