using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Accounts;
using Platform.Testing;
using Platform.Web.Accounts;

namespace Platform.Tests.Security;

/// <summary>
/// The role matrix: every API endpoint, read from the endpoint metadata, called by every kind of caller — anonymous, a
/// participant's session token used as a bearer token, annotator, reviewer, a researcher a study is not shared with,
/// admin, a disabled account, a revoked token and the study's owner — and each answer checked against the endpoint's
/// rule (a study's endpoints on a real study: 404 to the stranger). A new endpoint without a rule here fails.
/// </summary>
[Collection(PlatformHost.Name)]
public sealed class RoleMatrixTests(PlatformFixture fixture)
{
    /// <summary>Who may call each endpoint: a role, any signed-in account, or everyone (participants, scripts signing in).</summary>
    private static readonly Dictionary<string, string> Rules = new()
    {
        ["GET /api/me"] = Policies.SignedIn,
        ["POST /api/auth/tokens/"] = Everyone,
        ["DELETE /api/auth/tokens/current"] = Policies.SignedIn,
        ["GET /api/auth/sign-ins/"] = Policies.SignedIn,
        ["DELETE /api/auth/sign-ins/{signInId}"] = Policies.SignedIn,
        ["POST /api/auth/sign-ins/revoke-all"] = Policies.SignedIn,
        ["GET /api/users/"] = Policies.Admin,
        ["POST /api/users/"] = Policies.Admin,
        ["PUT /api/users/{id:guid}/roles"] = Policies.Admin,
        ["POST /api/users/{id:guid}/disable"] = Policies.Admin,
        ["POST /api/users/{id:guid}/enable"] = Policies.Admin,
        ["PUT /api/users/{id:guid}/password"] = Policies.Admin,
        ["GET /api/users/{id:guid}/sign-ins/"] = Policies.Admin,
        ["DELETE /api/users/{id:guid}/sign-ins/{signInId}"] = Policies.Admin,
        ["POST /api/users/{id:guid}/sign-ins/revoke-all"] = Policies.Admin,
        ["GET /api/studies/"] = Policies.Researcher,
        ["POST /api/studies/"] = Policies.Researcher,
        ["GET /api/studies/{id:guid}"] = Policies.Researcher,
        ["PUT /api/studies/{id:guid}"] = Policies.Researcher,
        ["POST /api/studies/{id:guid}/open"] = Policies.Researcher,
        ["POST /api/studies/{id:guid}/pause"] = Policies.Researcher,
        ["POST /api/studies/{id:guid}/close"] = Policies.Researcher,
        ["POST /api/studies/{id:guid}/videos"] = Policies.Researcher,
        ["GET /api/studies/{id:guid}/videos"] = Policies.Researcher,
        ["POST /api/studies/{id:guid}/videos/bulk"] = Policies.Researcher,
        ["POST /api/studies/{id:guid}/videos/bulk/preview"] = Policies.Researcher,
        ["POST /api/studies/{id:guid}/videos/imports"] = Policies.Researcher,
        ["GET /api/studies/{id:guid}/videos/imports"] = Policies.Researcher,
        ["GET /api/studies/{id:guid}/results"] = Policies.Researcher,
        ["GET /api/studies/{id:guid}/results.csv"] = Policies.Researcher,
        ["GET /api/studies/{id:guid}/results.tex"] = Policies.Researcher,
        ["GET /api/studies/{id:guid}/judgments.csv"] = Policies.Researcher,
        ["POST /api/studies/{id:guid}/judgments/import"] = Policies.Researcher,
        ["POST /api/studies/{id:guid}/metrics/import"] = Policies.Researcher,
        ["GET /api/studies/{id:guid}/metrics"] = Policies.Researcher,
        ["GET /api/studies/{id:guid}/metrics/table"] = Policies.Researcher,
        ["PUT /api/studies/{id:guid}/consistency"] = Policies.Researcher,
        ["GET /api/studies/{id:guid}/consistency"] = Policies.Researcher,
        ["GET /api/studies/{id:guid}/goal"] = Policies.Researcher,
        ["GET /api/studies/{id:guid}/plan"] = Policies.Researcher,
        ["POST /api/studies/{id:guid}/plan"] = Policies.Researcher,
        ["POST /api/studies/{id:guid}/sessions/release"] = Policies.Researcher,
        ["GET /api/studies/{id:guid}/sharing/"] = Policies.Researcher,
        ["POST /api/studies/{id:guid}/sharing/"] = Policies.Researcher,
        ["DELETE /api/studies/{id:guid}/sharing/{userId:guid}"] = Policies.Researcher,
        ["GET /api/studies/{id:guid}/sharing/candidates"] = Policies.Researcher,
        ["POST /api/studies/{id:guid}/generation/preview"] = Policies.Researcher,
        ["POST /api/studies/{id:guid}/generation/batches"] = Policies.Researcher,
        ["GET /api/studies/{id:guid}/generation/batches"] = Policies.Researcher,
        ["GET /api/generation/batches/{batchId:guid}"] = Policies.Researcher,
        ["POST /api/generation/batches/{batchId:guid}/cancel"] = Policies.Researcher,
        ["GET /api/servers/"] = Policies.Researcher,
        ["POST /api/servers/"] = Policies.Admin,
        ["PUT /api/servers/{id:guid}"] = Policies.Admin,
        ["DELETE /api/servers/{id:guid}"] = Policies.Admin,
        ["POST /api/studies/{id:guid}/sessions"] = Everyone,
        ["GET /api/sessions/{token}"] = Everyone,
        ["GET /api/sessions/{token}/next"] = Everyone,
        ["POST /api/sessions/{token}/judgments"] = Everyone,
        ["POST /api/sessions/{token}/return"] = Everyone,
        ["POST /api/synthetic-videos/"] = Policies.Researcher,
        ["GET /api/synthetic-videos/"] = Policies.SignedIn,
        ["POST /api/synthetic-videos/imports"] = Policies.Researcher,
        ["GET /api/synthetic-videos/imports/{importId:guid}"] = Policies.Researcher,
        ["GET /api/synthetic-videos/{id:guid}/caption/"] = Policies.SignedIn,
        ["PUT /api/synthetic-videos/{id:guid}/caption/"] = Policies.Annotator,
        ["POST /api/synthetic-videos/{id:guid}/caption/submit"] = Policies.Annotator,
        ["POST /api/synthetic-videos/{id:guid}/caption/restore"] = Policies.Annotator,
        ["POST /api/synthetic-videos/{id:guid}/caption/accept"] = Policies.Reviewer,
        ["POST /api/synthetic-videos/{id:guid}/caption/reject"] = Policies.Reviewer,
        ["GET /api/captions/templates"] = Policies.SignedIn,
        ["PUT /api/captions/templates"] = Policies.Researcher,
        ["GET /api/captions/annotators"] = Policies.Researcher,
        ["GET /api/captions/export"] = Policies.Researcher,
        ["GET /media/{id}"] = Everyone,
    };

    private const string Everyone = "everyone";

    // Endpoints that end the caller's own sign-in: each allowed caller uses a sign-in of its own for them.
    private static readonly HashSet<string> EndsOwnSignIn = ["DELETE /api/auth/tokens/current", "POST /api/auth/sign-ins/revoke-all"];

    [Fact]
    public void Every_api_endpoint_has_a_rule_and_the_rule_is_the_one_it_declares()
    {
        var endpoints = ApiEndpoints().ToList();

        string.Join("\n", endpoints.Select(e => e.Key).Except(Rules.Keys)).Should().BeEmpty("a new endpoint needs its rule in the role matrix");
        string.Join("\n", Rules.Keys.Except(endpoints.Select(e => e.Key))).Should().BeEmpty("a rule whose endpoint is gone should go too");
        string.Join("\n", endpoints.Where(e => Declared(e.Endpoint) != Rules[e.Key]).Select(e => $"{e.Key}: declares {Declared(e.Endpoint)}, the matrix says {Rules[e.Key]}"))
            .Should().BeEmpty("each endpoint declares the rule the matrix expects");
    }

    [Fact]
    public async Task Every_caller_gets_what_the_rule_says_from_every_endpoint()
    {
        var (callers, study) = await CallersAsync();
        var wrong = new List<string>();
        // "Sign out everywhere" ends every sign-in of its caller: those calls come last.
        foreach (var (key, endpoint) in ApiEndpoints().Where(e => Rules.ContainsKey(e.Key)).OrderBy(e => EndsOwnSignIn.Contains(e.Key)))
        {
            var rule = Rules[key];
            foreach (var caller in callers)
            {
                var client = EndsOwnSignIn.Contains(key) && Allows(rule, caller) ? await caller.FreshAsync!() : caller.Client;
                using var response = await client.SendAsync(Request(key, endpoint, study));
                var status = (int)response.StatusCode;
                var expected = Expected(key, rule, caller);
                var ok = expected switch
                {
                    401 or 403 or 404 => status == expected,
                    _ => status is not (401 or 403) && status < 500,
                };
                if (!ok) wrong.Add($"{key} as {caller.Name}: {status}, expected {(expected == 0 ? "neither 401 nor 403" : expected)}");
            }
        }

        string.Join("\n", wrong).Should().BeEmpty();
    }

    // The token endpoint answers 401 to wrong credentials in its body, whoever sends them.
    private static int Expected(string key, string rule, Caller caller) =>
        key == "POST /api/auth/tokens/" ? 401
        : rule == Everyone ? 0
        : caller.Roles is null ? 401
        : !Allows(rule, caller) ? 403
        : caller.Stranger && (key.Contains(" /api/studies/{id:guid}/", StringComparison.Ordinal) || key.EndsWith(" /api/studies/{id:guid}", StringComparison.Ordinal)) ? 404
        : 0;

    private static bool Allows(string rule, Caller caller) =>
        rule == Everyone || (caller.Roles is { } roles && (rule == Policies.SignedIn || roles.Any(r => r.ToString() == rule)));

    // The body is empty but of the kind the endpoint takes (routing answers 415 to another kind before anything else).
    // A study's endpoints are called on a real study (the researcher's), every other id is made up.
    private static HttpRequestMessage Request(string key, Endpoint endpoint, Guid study)
    {
        var (method, pattern) = (key[..key.IndexOf(' ')], key[(key.IndexOf(' ') + 1)..]);
        pattern = pattern.Replace("/api/studies/{id:guid}", $"/api/studies/{study}", StringComparison.Ordinal);
        var path = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+)(:guid)?\}", m => m.Groups[2].Success ? Guid.NewGuid().ToString() : new string('z', 32));
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
            request.Content = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes is { Count: > 0 } types
                && types[0].StartsWith("multipart/", StringComparison.Ordinal)
                    ? new MultipartFormDataContent { { new StringContent("x"), "nothing" } }
                    : new StringContent("{}", Encoding.UTF8, "application/json");
        return request;
    }

    private sealed record Caller(string Name, HttpClient Client, IReadOnlyList<Role>? Roles, Func<Task<HttpClient>>? FreshAsync = null, bool Stranger = false);

    private async Task<(List<Caller> Callers, Guid Study)> CallersAsync()
    {
        var factory = fixture.Factory;
        var admin = await factory.AdminAsync();
        var callers = new List<Caller> { new("anonymous", factory.CreateClient(), null) };

        var researcher = await fixture.ResearcherAsync();
        var study = await researcher.OpenStudyWithVideosAsync(new StudyBuilder().Build(), prompts: 1);
        var participant = factory.CreateClient();
        var started = await participant.PostAsJsonAsync($"/api/studies/{study}/sessions", new Platform.Web.Voting.StartSession("matrix-participant", "prolific"), ApiClient.Json);
        var token = (await started.Content.ReadFromJsonAsync<Platform.Web.Voting.SessionToken>(ApiClient.Json))!.Token;
        participant.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        callers.Add(new("a participant's session token as bearer", participant, null));

        var strangerEmail = $"matrix.stranger.{Guid.NewGuid():N}@platform.test";
        await admin.CreateUserAsync(strangerEmail, "matrix-password", Role.Researcher);
        callers.Add(new("a researcher the study is not shared with", await factory.SignedInAsync(strangerEmail, "matrix-password"), [Role.Researcher],
            () => factory.SignedInAsync(strangerEmail, "matrix-password"), Stranger: true));

        foreach (var role in new[] { Role.Annotator, Role.Reviewer, Role.Researcher, Role.Admin })
        {
            var email = $"matrix.{role}.{Guid.NewGuid():N}@platform.test".ToLowerInvariant();
            await admin.CreateUserAsync(email, "matrix-password", role);
            callers.Add(new(role.ToString(), await factory.SignedInAsync(email, "matrix-password"), [role],
                () => factory.SignedInAsync(email, "matrix-password")));
        }

        var disabledEmail = $"matrix.disabled.{Guid.NewGuid():N}@platform.test";
        var disabledUser = await admin.CreateUserAsync(disabledEmail, "matrix-password", Role.Admin, Role.Researcher);
        var disabled = await factory.SignedInAsync(disabledEmail, "matrix-password");
        (await admin.PostAsync($"/api/users/{disabledUser.Id}/disable", null)).EnsureSuccessStatusCode();
        callers.Add(new("a disabled admin", disabled, null));

        var revoked = await factory.AdminAsync();
        (await revoked.DeleteAsync("/api/auth/tokens/current")).EnsureSuccessStatusCode();
        callers.Add(new("a revoked admin token", revoked, null));

        // The owner (the researcher caller) comes last: its calls may change the study (close it, say).
        var owner = callers.Single(c => c.Name == nameof(Role.Researcher));
        var draft = await owner.Client.CreateStudyAsync(new StudyBuilder().Build());
        callers.Remove(owner);
        callers.Add(owner with { Name = "the study's owner (a researcher)" });
        return (callers, draft);
    }

    private IEnumerable<(string Key, RouteEndpoint Endpoint)> ApiEndpoints() =>
        fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/", StringComparison.Ordinal) || raw.StartsWith("/media/", StringComparison.Ordinal))
                && !raw.StartsWith("/api/docs", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Where(m => m != "HEAD")
                .Select(m => ($"{m} {e.RoutePattern.RawText}", e)));

    private static string Declared(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null) return Everyone;
        var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList();
        return policies.Count == 1 ? policies[0] : string.Join("+", policies);
    }
}
