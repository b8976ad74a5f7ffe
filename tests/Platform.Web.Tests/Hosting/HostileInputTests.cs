using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Testing;
using Platform.Web.Studies;

namespace Platform.Tests.Hosting;

/// <summary>Inputs an attacker tries: each is refused with a 400 problem naming the field, and nothing is stored.</summary>
[Collection(PlatformHost.Name)]
public sealed class HostileInputTests(PlatformFixture fixture)
{
    private static readonly string Study = JsonSerializer.Serialize(new StudyBuilder().Build(), ApiClient.Json);

    [Theory]
    [InlineData("\"title\":\"", "\"title\":\"nul\\u0000", "$.title", "control characters")]
    [InlineData("\"question\":\"", "\"question\":\"\\u202Eevil\\u202C", "$.question", "bidirectional")]
    [InlineData("\"kind\":\"pairwise\"", "\"kind\":99", "$.kind", "enumerations by name")]
    [InlineData("\"kind\":\"pairwise\"", "\"kind\":1", "$.kind", "enumerations by name")]
    [InlineData("\"kind\":\"pairwise\"", "\"kind\":\"99\"", "$.kind", "enumerations by name")]
    [InlineData("\"pairing\":\"against-baseline\"", "\"pairing\":42", "$.pairing", "enumerations by name")]
    public async Task A_study_with_a_hostile_field_is_refused_naming_the_field_and_nothing_is_stored(string find, string replace, string field, string says)
    {
        var researcher = await fixture.ResearcherAsync();
        var body = Study.Replace(find, replace, StringComparison.Ordinal);
        var before = (await researcher.GetFromJsonAsync<List<StudySummary>>("/api/studies", ApiClient.Json))!.Count;

        var response = await researcher.PostAsync("/api/studies", new StringContent(body, Encoding.UTF8, "application/json"));

        await ShouldBeProblemAsync(response, field, says);
        (await researcher.GetFromJsonAsync<List<StudySummary>>("/api/studies", ApiClient.Json))!.Count.Should().Be(before);
        (await fixture.Factory.CreateClient().GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("{\"participantId\":\"p\\u0000\",\"source\":\"prolific\"}", "$.participantId")]
    [InlineData("{\"participantId\":\"p\",\"source\":\"x\\u0007\"}", "$.source")]
    public async Task A_participant_id_with_control_characters_is_refused(string body, string field)
    {
        var response = await fixture.Factory.CreateClient()
            .PostAsync($"/api/studies/{Guid.NewGuid()}/sessions", new StringContent(body, Encoding.UTF8, "application/json"));

        await ShouldBeProblemAsync(response, field, "control characters");
    }

    [Fact]
    public async Task Prolific_study_and_session_ids_too_long_are_refused_and_a_body_of_megabytes_is_not_read()
    {
        var researcher = await fixture.ResearcherAsync();
        var studyId = await researcher.OpenStudyWithVideosAsync(new StudyBuilder().Build(), prompts: 1);
        var participant = fixture.Factory.CreateClient();

        var huge = await participant.PostAsJsonAsync($"/api/studies/{studyId}/sessions",
            new { participantId = "hoarder-of-bytes", source = "prolific", studyId = new string('a', 1_000_000) }, ApiClient.Json);
        var long_ = await participant.PostAsJsonAsync($"/api/studies/{studyId}/sessions",
            new { participantId = "hoarder-of-bytes", source = "prolific", studyId = "s", sessionId = new string('a', 201) }, ApiClient.Json);

        huge.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await huge.Content.ReadAsStringAsync()).Should().Contain($"at most {Common.Limits.ParticipantBody} bytes");
        await ShouldBeProblemAsync(long_, "sessionId", "at most 200 characters");
        (await researcher.GetFromJsonAsync<StudyDetails>($"/api/studies/{studyId}", ApiClient.Json))!.Counts.Sessions.Should().Be(0);
    }

    private static async Task ShouldBeProblemAsync(HttpResponseMessage response, string field, string says)
    {
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        detail.Should().Contain(says).And.Contain(field);
    }
}
