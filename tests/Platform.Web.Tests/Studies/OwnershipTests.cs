using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Platform.Accounts;
using Platform.Studies;
using Platform.Testing;
using Platform.Web.Accounts;
using Platform.Web.Generation.Batches;
using Platform.Web.Studies;

namespace Platform.Tests.Studies;

/// <summary>
/// A study belongs to its creator and the researchers they share it with; anyone else is told it does not exist, on
/// every staff endpoint of a study (found from the endpoint metadata, so a new one without the check fails here).
/// </summary>
[Collection(StudiesHost.Name)]
public sealed partial class OwnershipTests(PlatformFixture fixture)
{
    private const string Password = "researcher-password";
    private PlatformFactory Factory => fixture.Factory;

    [Fact]
    public async Task Another_researcher_gets_404_everywhere_until_the_study_is_shared_and_again_after_it_is_unshared()
    {
        // Given researcher A's study with a generation batch, and researcher B
        var (a, _) = await ResearcherAsync("a.owner");
        var (b, bId) = await ResearcherAsync("b.stranger");
        var studyId = await a.CreateStudyAsync(new StudyBuilder { Title = "A's secret study" }.Build());
        var batchId = await BatchAsync(a, studyId);
        var endpoints = StudyEndpoints();

        // Then B is told there is no such study (or batch) on every one of them, and nothing changed
        await EveryEndpointIsNotFoundAsync(b, endpoints, studyId, batchId, bId);
        (await TitlesAsync(b)).Should().NotContain("A's secret study");
        var untouched = await a.GetFromJsonAsync<StudyDetails>($"/api/studies/{studyId}", ApiClient.Json);
        (untouched!.Status, untouched.Settings.Title).Should().Be((StudyStatus.Draft, "A's secret study"));
        (await a.GetFromJsonAsync<BatchProgress>($"/api/generation/batches/{batchId}", ApiClient.Json))!.Cancelled.Should().BeFalse();

        // When A shares it with B
        var shared = await a.PostAsJsonAsync($"/api/studies/{studyId}/sharing", new ShareRequest("B.Stranger@platform.test", null), ApiClient.Json);

        // Then B lists, reads and changes it, and no endpoint says it does not exist
        shared.StatusCode.Should().Be(HttpStatusCode.OK);
        (await shared.Content.ReadFromJsonAsync<SharingView>(ApiClient.Json))!.SharedWith.Select(m => m.Id).Should().Equal(bId);
        (await TitlesAsync(b)).Should().Contain("A's secret study");
        var seen = await b.GetFromJsonAsync<StudyDetails>($"/api/studies/{studyId}", ApiClient.Json);
        var changed = await b.PutAsJsonAsync($"/api/studies/{studyId}", seen!.Settings with { Title = "A's study, renamed by B" }, ApiClient.Json);
        changed.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await a.GetFromJsonAsync<StudyDetails>($"/api/studies/{studyId}", ApiClient.Json))!.Settings.Title.Should().Be("A's study, renamed by B");
        (await b.GetAsync($"/api/studies/{studyId}/results")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await b.GetAsync($"/api/generation/batches/{batchId}")).StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var endpoint in endpoints)
        {
            var response = await b.SendAsync(Request(endpoint, studyId, batchId, bId));
            var body = await response.Content.ReadAsStringAsync();
            (response.StatusCode == HttpStatusCode.NotFound && NoSuchTarget().IsMatch(body)).Should().BeFalse($"{Describe(endpoint)} is B's now: {body}");
            ((int)response.StatusCode).Should().BeLessThan(500, $"{Describe(endpoint)} answered {body}");
        }

        // When A stops sharing it, B is a stranger again
        (await a.DeleteAsync($"/api/studies/{studyId}/sharing/{bId}")).StatusCode.Should().Be(HttpStatusCode.OK);
        await EveryEndpointIsNotFoundAsync(b, endpoints, studyId, batchId, bId);
        (await TitlesAsync(b)).Should().NotContain("A's study, renamed by B");
    }

    [Fact]
    public async Task The_study_endpoints_found_include_every_kind_of_study_data()
    {
        var routes = StudyEndpoints().Select(Describe).ToList();

        routes.Should().Contain([
            "GET /api/studies/{id:guid}", "PUT /api/studies/{id:guid}", "POST /api/studies/{id:guid}/close", "POST /api/studies/{id:guid}/videos",
            "GET /api/studies/{id:guid}/results.csv", "GET /api/studies/{id:guid}/judgments.csv", "POST /api/studies/{id:guid}/judgments/import",
            "POST /api/studies/{id:guid}/generation/batches", "POST /api/generation/batches/{batchId:guid}/cancel",
            "POST /api/studies/{id:guid}/sessions/release", "POST /api/studies/{id:guid}/sharing/", "DELETE /api/studies/{id:guid}/sharing/{userId:guid}",
        ]);
        routes.Should().NotContain("POST /api/studies/{id:guid}/sessions", "participants start a session without an account");
    }

    [Fact]
    public async Task An_admin_sees_and_changes_every_study_and_shares_it()
    {
        var (a, _) = await ResearcherAsync("a.admin-sees");
        var (_, bId) = await ResearcherAsync("b.admin-shares");
        var admin = await Factory.AdminAsync();
        var studyId = await a.CreateStudyAsync(new StudyBuilder { Title = "Seen by the admin" }.Build());

        (await TitlesAsync(admin)).Should().Contain("Seen by the admin");
        (await admin.GetAsync($"/api/studies/{studyId}/judgments.csv")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.PostAsync($"/api/studies/{studyId}/close", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var shared = await admin.PostAsJsonAsync($"/api/studies/{studyId}/sharing", new ShareRequest(null, bId), ApiClient.Json);

        shared.StatusCode.Should().Be(HttpStatusCode.OK);
        var view = (await shared.Content.ReadFromJsonAsync<SharingView>(ApiClient.Json))!;
        view.Owner.Email.Should().Be("a.admin-sees@platform.test");
        view.SharedWith.Select(m => m.Email).Should().Equal("b.admin-shares@platform.test");
        view.CanChange.Should().BeTrue();
        (await a.GetFromJsonAsync<StudyDetails>($"/api/studies/{studyId}", ApiClient.Json))!.Status.Should().Be(StudyStatus.Closed);
    }

    [Fact]
    public async Task Sharing_is_the_owners_decision_and_only_with_active_researchers()
    {
        var (a, aId) = await ResearcherAsync("a.decides");
        var (b, bId) = await ResearcherAsync("b.colleague");
        var (_, cId) = await ResearcherAsync("c.candidate");
        var admin = await Factory.AdminAsync();
        await admin.CreateUserAsync("annotator.not-researcher@platform.test", Password, Role.Annotator);
        var disabled = await admin.CreateUserAsync("researcher.disabled@platform.test", Password, Role.Researcher);
        (await admin.PostAsync($"/api/users/{disabled.Id}/disable", null)).EnsureSuccessStatusCode();
        var studyId = await a.CreateStudyAsync(new StudyBuilder().Build());
        (await a.PostAsJsonAsync($"/api/studies/{studyId}/sharing", new ShareRequest(null, bId), ApiClient.Json)).EnsureSuccessStatusCode();

        var byColleague = await b.PostAsJsonAsync($"/api/studies/{studyId}/sharing", new ShareRequest(null, cId), ApiClient.Json);
        var unshareByColleague = await b.DeleteAsync($"/api/studies/{studyId}/sharing/{bId}");
        var annotator = await a.PostAsJsonAsync($"/api/studies/{studyId}/sharing", new ShareRequest("annotator.not-researcher@platform.test", null), ApiClient.Json);
        var inactive = await a.PostAsJsonAsync($"/api/studies/{studyId}/sharing", new ShareRequest(null, disabled.Id), ApiClient.Json);
        var unknown = await a.PostAsJsonAsync($"/api/studies/{studyId}/sharing", new ShareRequest("nobody@platform.test", null), ApiClient.Json);
        var owner = await a.DeleteAsync($"/api/studies/{studyId}/sharing/{aId}");
        var candidates = await b.GetFromJsonAsync<List<StudyMember>>($"/api/studies/{studyId}/sharing/candidates", ApiClient.Json);
        var seenByColleague = await b.GetFromJsonAsync<SharingView>($"/api/studies/{studyId}/sharing", ApiClient.Json);

        await ShouldBeRefusedAsync(byColleague, HttpStatusCode.Forbidden, "Only the study's owner or an admin");
        await ShouldBeRefusedAsync(unshareByColleague, HttpStatusCode.Forbidden, "Only the study's owner or an admin");
        await ShouldBeRefusedAsync(annotator, HttpStatusCode.UnprocessableEntity, "annotator.not-researcher@platform.test is not a researcher");
        await ShouldBeRefusedAsync(inactive, HttpStatusCode.UnprocessableEntity, "researcher.disabled@platform.test is disabled");
        await ShouldBeRefusedAsync(unknown, HttpStatusCode.UnprocessableEntity, "There is no account");
        await ShouldBeRefusedAsync(owner, HttpStatusCode.Conflict, "The owner cannot be removed");
        candidates.Should().NotBeNull();
        candidates!.Select(c => c.Id).Should().Contain(cId).And.NotContain([aId, bId, disabled.Id], "neither the owner, nor those it is shared with, nor disabled accounts");
        candidates.Select(c => c.Email).Should().NotContain("annotator.not-researcher@platform.test");
        (seenByColleague!.SharedWith.Select(m => m.Id).Single(), seenByColleague.CanChange).Should().Be((bId, false));
    }

    [Fact]
    public async Task A_study_stored_before_sharing_existed_belongs_to_its_creator_alone()
    {
        // Given a study whose stored document has no list of researchers (as every study made before sharing)
        var (a, _) = await ResearcherAsync("a.before");
        var (b, _) = await ResearcherAsync("b.before");
        var studyId = await a.CreateStudyAsync(new StudyBuilder { Title = "Made before sharing" }.Build());
        await using (var connection = new Npgsql.NpgsqlConnection(Factory.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("update public.mt_doc_study set data = data - 'SharedWith' where id = $1", connection);
            command.Parameters.AddWithValue(studyId);
            (await command.ExecuteNonQueryAsync()).Should().Be(1);
        }

        // Then its creator lists, reads and shares it, and another researcher does not see it until then
        (await TitlesAsync(a)).Should().Contain("Made before sharing");
        (await TitlesAsync(b)).Should().NotContain("Made before sharing");
        (await b.GetAsync($"/api/studies/{studyId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var view = await a.GetFromJsonAsync<SharingView>($"/api/studies/{studyId}/sharing", ApiClient.Json);
        (view!.Owner.Email, view.SharedWith.Count).Should().Be(("a.before@platform.test", 0));
        (await a.PostAsJsonAsync($"/api/studies/{studyId}/sharing", new ShareRequest("b.before@platform.test", null), ApiClient.Json)).EnsureSuccessStatusCode();
        (await b.GetAsync($"/api/studies/{studyId}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Participants_still_take_a_study_without_an_account()
    {
        var (a, _) = await ResearcherAsync("a.opens");
        var studyId = await a.OpenStudyWithVideosAsync(new StudyBuilder { TrialsPerParticipant = 1 }.Build(), prompts: 1);
        var participant = Factory.CreateClient();

        var token = await participant.StartSessionAsync(studyId, "prolific-participant-1");
        var trial = await participant.NextTrialAsync(token);
        var answer = await participant.AnswerAsync(token, trial.TrialId, Platform.Voting.Choice.Left);

        answer.StatusCode.Should().Be(HttpStatusCode.Created);
        (await participant.GetAsync($"/take/{studyId}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_pages_of_another_researchers_study_are_not_found_until_it_is_shared()
    {
        var (a, _) = await ResearcherAsync("a.pages");
        var (_, bId) = await ResearcherAsync("b.pages");
        var b = await Factory.SignedInWithCookieAsync("b.pages@platform.test", Password);
        var studyId = await a.CreateStudyAsync(new StudyBuilder { Title = "A's page study" }.Build());
        var pages = Endpoints().Where(e => e.RoutePattern.RawText?.StartsWith("/studies/{Id", StringComparison.OrdinalIgnoreCase) == true)
            .Select(e => Regex.Replace(e.RoutePattern.RawText!, @"\{Id(:[^}]*)?\}", studyId.ToString(), RegexOptions.IgnoreCase)).ToList();
        pages.Should().Contain([$"/studies/{studyId}", $"/studies/{studyId}/edit", $"/studies/{studyId}/results", $"/studies/{studyId}/generation"]);

        foreach (var page in pages)
        {
            var response = await b.GetAsync(page);
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, page);
            var html = await response.Content.ReadAsStringAsync();
            html.Should().Contain("There is nothing at this address").And.NotContain("A&#x27;s page study").And.NotContain("A's page study");
        }
        (await b.GetStringAsync($"/take/{studyId}?preview=1")).Should().Contain("There is no such study.").And.NotContain("End of the preview");
        (await b.GetStringAsync("/studies")).Should().NotContain("page study");

        (await a.PostAsJsonAsync($"/api/studies/{studyId}/sharing", new ShareRequest(null, bId), ApiClient.Json)).EnsureSuccessStatusCode();

        foreach (var page in pages)
            (await b.GetAsync(page)).StatusCode.Should().Be(HttpStatusCode.OK, page);
        (await b.GetStringAsync($"/studies/{studyId}")).Should().Contain("Sharing").And.Contain("a.pages@platform.test");
        (await b.GetStringAsync($"/take/{studyId}?preview=1")).Should().NotContain("There is no such study.");
        (await b.GetStringAsync("/studies")).Should().Contain("page study").And.Contain("shared with you");
    }

    private async Task<(HttpClient Client, Guid Id)> ResearcherAsync(string name)
    {
        var client = await Factory.NewResearcherAsync($"{name}@platform.test");
        return (client, (await client.GetFromJsonAsync<UserView>("/api/me", ApiClient.Json))!.Id);
    }

    private async Task<Guid> BatchAsync(HttpClient owner, Guid studyId)
    {
        var server = await (await Factory.AdminAsync()).RegisterServerAsync("http://127.0.0.1:9", name: $"nowhere-{studyId:N}");
        var batch = await owner.StartBatchAsync(studyId, new BatchRequest([new("a dancer spins", "dance")],
            [new("base-model", server.Id, null)], [1]));
        return batch.BatchId;
    }

    private static async Task<IReadOnlyList<string>> TitlesAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<List<StudySummary>>("/api/studies", ApiClient.Json))!.Select(s => s.Title)];

    private static async Task EveryEndpointIsNotFoundAsync(HttpClient stranger, IEnumerable<RouteEndpoint> endpoints, Guid studyId, Guid batchId, Guid userId)
    {
        foreach (var endpoint in endpoints)
        {
            var response = await stranger.SendAsync(Request(endpoint, studyId, batchId, userId));
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, $"{Describe(endpoint)} must not reveal another's study: {body}");
            body.Should().MatchRegex(NoSuchTarget().ToString(), Describe(endpoint));
        }
    }

    private static async Task ShouldBeRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string reason)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, body);
        body.Should().Contain(reason);
    }

    /// <summary>Every staff endpoint of one study's data: under /api/studies/{id}, or of one of its generation batches.</summary>
    private List<RouteEndpoint> StudyEndpoints() =>
        [.. Endpoints().Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
            && e.RoutePattern.RawText is { } route
            && (route.StartsWith("/api/studies/{id", StringComparison.OrdinalIgnoreCase) || route.StartsWith("/api/generation/batches/{", StringComparison.OrdinalIgnoreCase)))];

    private IEnumerable<RouteEndpoint> Endpoints() =>
        Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    /// <summary>The endpoint's route with its parameters filled in and a body of the kind it accepts (empty: the check comes first).</summary>
    private static HttpRequestMessage Request(RouteEndpoint endpoint, Guid studyId, Guid batchId, Guid userId)
    {
        var method = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods[0];
        var path = Regex.Replace(endpoint.RoutePattern.RawText!, @"\{(?<name>\w+)(:[^}]*)?\}", m => m.Groups["name"].Value switch
        {
            "id" => studyId.ToString(),
            "batchId" => batchId.ToString(),
            "userId" => userId.ToString(),
            var other => throw new InvalidOperationException($"No test value for the route parameter '{other}' of {Describe(endpoint)}."),
        });
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
            request.Content = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes is ["multipart/form-data", ..]
                ? new MultipartFormDataContent { { new StringContent("ours-simdrop"), "condition" } }
                : JsonContent.Create(new { });
        return request;
    }

    private static string Describe(RouteEndpoint endpoint) =>
        $"{endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods[0]} {endpoint.RoutePattern.RawText}";

    [GeneratedRegex("There is no such (study|batch)\\.")]
    private static partial Regex NoSuchTarget();
}
