using System.Net.Http.Json;
using Platform.Voting;
using Platform.Web.Voting;

namespace Platform.Testing;

/// <summary>What a participant's browser does through the API: start a session, fetch a trial, answer it.</summary>
public static class ParticipantApi
{
    public static async Task<string> StartSessionAsync(this HttpClient client, Guid studyId, string participant)
    {
        var start = await client.PostAsJsonAsync($"/api/studies/{studyId}/sessions", new StartSession(participant, "prolific"), ApiClient.Json);
        if (!start.IsSuccessStatusCode) throw new HttpRequestException($"{start.StatusCode}: {await start.Content.ReadAsStringAsync()}");
        return (await start.Content.ReadFromJsonAsync<SessionToken>(ApiClient.Json))!.Token;
    }

    public static async Task<TrialResponse> NextTrialAsync(this HttpClient client, string token) =>
        (await client.GetFromJsonAsync<TrialResponse>($"/api/sessions/{token}/next", ApiClient.Json))!;

    public static Task<HttpResponseMessage> AnswerAsync(this HttpClient client, string token, Guid trialId, Choice choice, int decisionMs = 2500) =>
        client.PostAsJsonAsync($"/api/sessions/{token}/judgments", new JudgmentRequest(trialId, Choices.Name(choice), decisionMs), ApiClient.Json);
}
