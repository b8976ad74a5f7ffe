using System.Net;
using System.Net.Http.Json;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Platform.Accounts;
using Platform.Testing;

namespace Platform.Tests.Security;

/// <summary>
/// The role matrix: every API endpoint, read from the endpoint metadata, called by every kind of caller — anonymous, a
/// participant's session token used as a bearer token, annotator, reviewer, researcher, admin, a disabled account and
/// a revoked token — and each answer checked against the endpoint's rule. A new endpoint without a rule here fails.
/// </summary>
public sealed class RoleMatrixTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
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
        ["GET /api/studies/{id:guid}/results"] = Policies.Researcher,
        ["GET /api/studies/{id:guid}/results.csv"] = Policies.Researcher,
        ["GET /api/studies/{id:guid}/results.tex"] = Policies.Researcher,
        ["GET /api/studies/{id:guid}/judgments.csv"] = Policies.Researcher,
        ["POST /api/studies/{id:guid}/judgments/import"] = Policies.Researcher,
        ["POST /api/studies/{id:guid}/sessions/release"] = Policies.Researcher,
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
        ["POST /api/synthetic-videos"] = Policies.Researcher,
        ["GET /api/synthetic-videos"] = Policies.SignedIn,
        ["POST /api/synthetic-videos/imports"] = Policies.Researcher,
        ["GET /api/synthetic-videos/imports/{importId:guid}"] = Policies.Researcher,
        ["GET /api/synthetic-videos/{id:guid}/caption"] = Policies.SignedIn,
        ["PUT /api/synthetic-videos/{id:guid}/caption"] = Policies.Annotator,
        ["POST /api/synthetic-videos/{id:guid}/caption/submit"] = Policies.Annotator,
        ["POST /api/synthetic-videos/{id:guid}/caption/restore"] = Policies.Annotator,
        ["POST /api/synthetic-videos/{id:guid}/caption/accept"] = Policies.Reviewer,
        ["POST /api/synthetic-videos/{id:guid}/caption/reject"] = Policies.Reviewer,
        ["GET /api/captions/templates"] = Policies.Researcher,
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

        endpoints.Select(e => e.Key).Except(Rules.Keys).Should().BeEmpty("a new endpoint needs its rule in the role matrix");
        Rules.Keys.Except(endpoints.Select(e => e.Key)).Should().BeEmpty("a rule whose endpoint is gone should go too");
        foreach (var (key, endpoint) in endpoints)
            Declared(endpoint).Should().Be(Rules[key], $"{key} declares the rule the matrix expects");
    }

    [Fact]
    public async Task Every_caller_gets_what_the_rule_says_from_every_endpoint()
    {
        var callers = await CallersAsync();
        var wrong = new List<string>();
        foreach (var (key, _) in ApiEndpoints())
        {
            var rule = Rules[key];
            foreach (var caller in callers)
            {
                var client = EndsOwnSignIn.Contains(key) && Allows(rule, caller) ? await caller.FreshAsync!() : caller.Client;
                using var response = await client.SendAsync(Request(key));
                var status = (int)response.StatusCode;
                var expected = Expected(rule, caller);
                var ok = expected switch
                {
                    401 or 403 => status == expected,
                    _ => status is not (401 or 403) && status < 500,
                };
                if (!ok) wrong.Add($"{key} as {caller.Name}: {status}, expected {(expected == 0 ? "neither 401 nor 403" : expected)}");
            }
        }

        wrong.Should().BeEmpty();
    }

    private static int Expected(string rule, Caller caller) =>
        rule == Everyone ? 0
        : caller.Roles is null ? 401
        : Allows(rule, caller) ? 0
        : 403;

    private static bool Allows(string rule, Caller caller) =>
        rule == Everyone || (caller.Roles is { } roles && (rule == Policies.SignedIn || roles.Any(r => r.ToString() == rule)));

    private static HttpRequestMessage Request(string key)
    {
        var (method, pattern) = (key[..key.IndexOf(' ')], key[(key.IndexOf(' ') + 1)..]);
        var path = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+)(:guid)?\}", m => m.Groups[2].Success ? Guid.NewGuid().ToString() : new string('z', 32));
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        return request;
    }

    private sealed record Caller(string Name, HttpClient Client, IReadOnlyList<Role>? Roles, Func<Task<HttpClient>>? FreshAsync = null);

    private async Task<List<Caller>> CallersAsync()
    {
        var factory = fixture.Factory;
        var admin = await factory.AdminAsync();
        var callers = new List<Caller> { new("anonymous", factory.CreateClient(), null) };

        var researcher = await fixture.ResearcherAsync();
        var study = await researcher.OpenStudyWithVideosAsync(new StudyBuilder().Build(), prompts: 1);
        var participant = factory.CreateClient();
        var started = await participant.PostAsJsonAsync($"/api/studies/{study}/sessions", new Voting.StartSession("matrix-participant", "prolific"), ApiClient.Json);
        var token = (await started.Content.ReadFromJsonAsync<Voting.SessionToken>(ApiClient.Json))!.Token;
        participant.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        callers.Add(new("a participant's session token as bearer", participant, null));

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
        return callers;
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
