using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Testing;
using Platform.Web.Hosting;

namespace Platform.Tests.Hosting;

/// <summary>Every response says how a browser may treat it: no sniffing, no framing, a referrer policy, a Content-Security-Policy.</summary>
[Collection(PlatformHost.Name)]
public sealed partial class SecurityHeadersTests(PlatformFixture fixture)
{
    [Fact]
    public async Task Every_kind_of_response_forbids_sniffing_and_framing_and_names_a_referrer_policy()
    {
        var researcher = await fixture.ResearcherAsync();
        var anonymous = fixture.Factory.CreateClient();
        var poster = await PosterOfANewVideoAsync();

        var responses = new (string Kind, HttpResponseMessage Response, HttpStatusCode Status, string? MediaType)[]
        {
            ("page", await anonymous.GetAsync("/signin"), HttpStatusCode.OK, "text/html"),
            ("API", await researcher.GetAsync("/api/studies"), HttpStatusCode.OK, "application/json"),
            ("problem", await anonymous.GetAsync("/api/sessions/no-such-session/next"), HttpStatusCode.NotFound, "application/problem+json"),
            ("refusal", await anonymous.GetAsync("/api/studies"), HttpStatusCode.Unauthorized, "application/problem+json"),
            ("not modified", await NotModifiedAsync(anonymous, "/app.css"), HttpStatusCode.NotModified, "text/css"),
            ("media", await anonymous.GetAsync(poster), HttpStatusCode.OK, "image/jpeg"),
            ("static file", await anonymous.GetAsync("/app.css"), HttpStatusCode.OK, "text/css"),
        };

        foreach (var (kind, response, status, mediaType) in responses)
        {
            (response.StatusCode, response.Content.Headers.ContentType?.MediaType).Should().Be((status, mediaType), kind);
            Header(response, "X-Content-Type-Options").Should().Be("nosniff", kind);
            Header(response, "X-Frame-Options").Should().Be("DENY", kind);
            Header(response, "Referrer-Policy").Should().Be("strict-origin-when-cross-origin", kind);
            Header(response, "Content-Security-Policy").Should().Contain("frame-ancestors 'none'", kind);
            if (kind != "page") Header(response, "Content-Security-Policy").Should().Be(SecurityHeaders.ResourcePolicy, kind);
        }
    }

    [Fact]
    public async Task A_page_runs_only_this_origin_s_scripts_and_its_import_map_by_a_nonce_fresh_on_every_response()
    {
        var anonymous = fixture.Factory.CreateClient();

        var first = await anonymous.GetAsync("/signin");
        var second = await anonymous.GetAsync("/signin");

        var nonce = NonceOf(first);
        Header(first, "Content-Security-Policy").Should().Be(SecurityHeaders.PagePolicy(nonce));
        Header(first, "Content-Security-Policy").Should().NotContain("unsafe-eval").And.Contain("script-src 'self' 'nonce-");
        (await first.Content.ReadAsStringAsync()).Should().Contain($"<script type=\"importmap\" nonce=\"{nonce}\">");
        NonceOf(second).Should().NotBe(nonce);
    }

    [Fact]
    public async Task The_API_reference_s_scripts_carry_the_nonce_of_its_page_policy()
    {
        var response = await fixture.Factory.CreateClient().GetAsync("/api/docs");

        var nonce = NonceOf(response);
        Header(response, "Content-Security-Policy").Should().Be(SecurityHeaders.PagePolicy(nonce));
        var scripts = ScriptTag().Matches(await response.Content.ReadAsStringAsync()).Select(m => m.Value).ToList();
        scripts.Should().NotBeEmpty().And.OnlyContain(tag => tag.Contains($"nonce=\"{nonce}\""));
    }

    [Fact]
    public async Task A_participant_s_page_tells_no_other_site_where_the_participant_came_from()
    {
        var response = await fixture.Factory.CreateClient().GetAsync($"/take/{Guid.NewGuid()}?PROLIFIC_PID=someone");

        Header(response, "Referrer-Policy").Should().Be("same-origin");
    }

    [Fact]
    public async Task HEAD_on_media_answers_as_GET_does_without_the_body()
    {
        var anonymous = fixture.Factory.CreateClient();
        var poster = await PosterOfANewVideoAsync();
        var get = await anonymous.GetAsync(poster);

        var head = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, poster));

        head.StatusCode.Should().Be(HttpStatusCode.OK);
        head.Content.Headers.ContentLength.Should().Be((await get.Content.ReadAsByteArrayAsync()).Length).And.BePositive();
        head.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
        head.Headers.ETag.Should().Be(get.Headers.ETag);
        Header(head, "Content-Security-Policy").Should().Be(SecurityHeaders.ResourcePolicy);
        (await head.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    [Theory]
    [InlineData("https", true)]
    [InlineData("http", false)]
    public async Task Over_https_the_cookies_are_Secure_and_browsers_are_told_to_keep_to_https_and_over_http_neither(string scheme, bool https)
    {
        var client = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri($"{scheme}://platform.test"),
            HandleCookies = false,
            AllowAutoRedirect = false,
        });

        var (antiforgery, signedIn) = await SignInCookies.SignInAsync(client);
        var page = await client.GetAsync("/signin");

        (antiforgery.Secure, signedIn.Secure).Should().Be((https, https));
        signedIn.HttpOnly.Should().BeTrue();
        Header(page, "Strict-Transport-Security").Should().Be(https ? "max-age=2592000" : null, "HSTS: 30 days, over https only");
    }

    private async Task<string> PosterOfANewVideoAsync()
    {
        var researcher = await fixture.ResearcherAsync();
        var id = await researcher.CreateStudyAsync(new StudyBuilder().Build());
        (await researcher.UploadAsync(id, await TestVideos.ClipAsync(hue: 120), "ours-simdrop", "a dancer waves")).EnsureSuccessStatusCode();
        var video = (await researcher.WaitForVideosAsync(id)).Single();
        video.PosterUrl.Should().StartWith("/media/");
        return video.PosterUrl!;
    }

    private static async Task<HttpResponseMessage> NotModifiedAsync(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add((await client.GetAsync(url)).Headers.ETag!);
        return await client.SendAsync(request);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;

    private static string NonceOf(HttpResponseMessage response)
    {
        var match = Nonce().Match(Header(response, "Content-Security-Policy") ?? "");
        match.Success.Should().BeTrue("a page's policy names its nonce");
        return match.Groups["nonce"].Value;
    }

    [GeneratedRegex("'nonce-(?<nonce>[^']+)'")]
    private static partial Regex Nonce();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();
}
